"use client";

import { useState } from "react";
import { DescriptionField } from "@/components/studio/DescriptionField";
import { GenerateOutcomeMessage } from "@/components/studio/GenerateOutcomeMessage";
import { PresenterSettingsFields } from "@/components/studio/PresenterSettingsFields";
import { SavePresenterPanel } from "@/components/studio/SavePresenterPanel";
import { ScriptField } from "@/components/studio/ScriptField";
import { TitleField } from "@/components/studio/TitleField";
import { StartFromPresenter } from "@/components/studio/StartFromPresenter";
import { StudioPreview } from "@/components/studio/StudioPreview";
import { PUBLISH_AT_MISSING, VisibilityField } from "@/components/studio/VisibilityField";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useFieldError } from "@/hooks/use-field-error";
import { isOutcome, useGenerateVideo, type GenerateOutcome } from "@/hooks/use-generate-video";
import type { LookPage, VoicePage } from "@/lib/catalogue";
import { estimateScript, formatUsd } from "@/lib/cost";
import { VOICE_SPEED_MAX, VOICE_SPEED_MIN } from "@/lib/limits";
import { lacksVoice, startFromPresenter, type StartingPresenter } from "@/lib/presenter-draft";
import { initialStudioDraft, newDraftAfter, toCreateVideoInput, type StudioDraft } from "@/lib/studio-draft";
import { describeFirstIssue, fieldProblem } from "@/lib/validation";
import { createVideoInput, videoScript } from "@/lib/video-input";

/**
 * The studio: script, look, voice, format, captions and every other option, with what a click will spend. The
 * pickers and fields are controlled: a refusal keeps everything typed and chosen; a made video starts a new draft
 * (title, script and description empty) with the same look, voice, format and options, the admin's working set.
 */
/**
 * `initialLooks` / `initialVoices`: the pickers' first pages, rendered by the server (none when HeyGen was
 * unreachable).
 */
export function GenerateForm({
  initialLooks,
  initialVoices,
  presenters = [],
}: {
  initialLooks?: LookPage;
  initialVoices?: VoicePage;
  /** Active presenters to start from. */
  presenters?: StartingPresenter[];
}) {
  const [draft, setDraft] = useState(() => initialStudioDraft(initialLooks?.items[0] ?? null));
  const { formRef, error, fail, clear, errorFor, moreOpen, setMoreOpen } = useFieldError();
  const { submitting, generate, forget } = useGenerateVideo();
  const [outcome, setOutcome] = useState<GenerateOutcome | null>(null);

  const update = (change: (current: StudioDraft) => Partial<StudioDraft>) => {
    forget(); // a changed form is a new submission
    setDraft((current) => {
      const next = { ...current, ...change(current) };
      // Another look is another presenter's, or nobody's: the video is no longer the one started from.
      return next.lookId === current.lookId ? next : { ...next, presenterId: "" };
    });
  };
  const pickPresenter = (starting: StartingPresenter | null) => {
    forget();
    setDraft((current) => (starting ? startFromPresenter(current, starting) : { ...current, presenterId: "" }));
  };
  // A field's refusal goes once the admin edits that field.
  const edit = (field: "title" | "script" | "description", value: string) => {
    if (error?.field === field) clear();
    update(() => ({ [field]: value }));
  };
  const choosePublish = (change: Partial<Pick<StudioDraft, "publish" | "publishAt">>) => {
    if (error?.field === "visibility" || error?.field === "publishAt") clear();
    update(() => change);
  };

  // Known before any click, in the route's own words: the script is checked as typed (its emptiness only on Generate).
  const scriptProblem = draft.script.trim() ? fieldProblem(videoScript, "script", draft.script) : null;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    clear();
    if (draft.publish === "at" && !draft.publishAt) return fail({ field: "publishAt", message: PUBLISH_AT_MISSING });
    const parsed = createVideoInput.safeParse(toCreateVideoInput(draft));
    if (!parsed.success) return fail(describeFirstIssue(parsed.error));
    if (lacksVoice(draft)) {
      return fail({ field: "voiceId", message: "This look has no voice of its own: pick one." });
    }
    const result = await generate({ ...parsed.data, ...(draft.presenterId && { presenterId: draft.presenterId }) });
    if (!isOutcome(result)) return fail(result);
    setOutcome(result);
    setDraft(newDraftAfter);
  }

  const speed = Math.min(Math.max(draft.options.voiceSpeed ?? 1, VOICE_SPEED_MIN), VOICE_SPEED_MAX);
  const { seconds, costUsd } = estimateScript(draft.script, speed);

  return (
    <>
      <form
        ref={formRef}
        method="post"
        onSubmit={onSubmit}
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-8"
        noValidate
      >
        <div className="space-y-6">
          <StartFromPresenter presenters={presenters} value={draft.presenterId} onPick={pickPresenter} />
          <TitleField value={draft.title} onChange={(title) => edit("title", title)} error={errorFor("title")} />
          <ScriptField
            value={draft.script}
            onChange={(script) => edit("script", script)}
            voiceSpeed={speed}
            problem={scriptProblem}
            error={errorFor("script")}
          />
          <DescriptionField
            value={draft.description}
            onChange={(description) => edit("description", description)}
            error={errorFor("description")}
          />
          <PresenterSettingsFields
            draft={draft}
            onChange={update}
            errorFor={errorFor}
            moreOpen={moreOpen}
            onToggleMore={setMoreOpen}
            initialLooks={initialLooks}
            initialVoices={initialVoices}
          />
          <VisibilityField
            value={draft.publish}
            publishAt={draft.publishAt}
            onChange={choosePublish}
            errorFor={errorFor}
          />
        </div>
        {/* Desktop: a column beside the fields that stays in view as they scroll. Phones: the preview after the
            fields, and the Generate bar held at the bottom of the screen while the form is on it. */}
        <div className="contents lg:sticky lg:top-4 lg:block lg:self-start">
          <div className="mt-6 lg:mt-0">
            <StudioPreview draft={draft} />
          </div>
          <div
            data-testid="generate-bar"
            className="sticky bottom-0 z-10 -mx-4 mt-6 space-y-2 border-t border-slate-200 bg-white px-4 py-3 sm:-mx-6 sm:px-6 lg:static lg:mx-0 lg:mt-4 lg:border-0 lg:p-0"
          >
            <SubmitButton pending={submitting} pendingLabel="Sending to HeyGen…" disabled={!!scriptProblem}>
              {seconds > 0 ? `Generate (≈ ${formatUsd(costUsd)})` : "Generate"}
            </SubmitButton>
            {outcome && <GenerateOutcomeMessage outcome={outcome} />}
            {/* A field's refusal shows at its field only: one message per field. */}
            {error && !error.field && (
              <p role="alert" className="text-sm text-red-700">
                {error.message}
              </p>
            )}
          </div>
        </div>
      </form>
      <SavePresenterPanel draft={draft} />
    </>
  );
}
