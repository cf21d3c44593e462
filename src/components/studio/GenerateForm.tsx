"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { useSWRConfig } from "swr";
import { PresenterSettingsFields } from "@/components/studio/PresenterSettingsFields";
import { SavePresenterPanel } from "@/components/studio/SavePresenterPanel";
import { ScriptField } from "@/components/studio/ScriptField";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { inputClass } from "@/components/ui/styles";
import { useFieldError } from "@/hooks/use-field-error";
import { isVideosKey } from "@/hooks/use-videos";
import type { LookPage, VoicePage } from "@/lib/catalogue";
import { estimateScript, formatUsd } from "@/lib/cost";
import { ApiRequestError, fetchJson } from "@/lib/fetch-json";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { TITLE_MAX_LENGTH, VOICE_SPEED_MAX, VOICE_SPEED_MIN } from "@/lib/limits";
import { lacksVoice } from "@/lib/presenter-draft";
import { initialStudioDraft, toCreateVideoInput, type StudioDraft } from "@/lib/studio-draft";
import { describeFirstIssue } from "@/lib/validation";
import type { PublicVideo } from "@/lib/video";
import { createVideoInput } from "@/lib/video-input";

type Outcome = { kind: "created" | "unconfirmed"; video: PublicVideo };

const NETWORK_FAILURE =
  "The server could not be reached, so this video may or may not have been made. Check your connection and click " +
  "Generate again: the same request is sent again, so at most one video is made.";

/**
 * The studio: script, look, voice, format, captions and every other option, with what a click will spend. The
 * pickers and fields are controlled, so nothing typed or chosen is lost when a request fails.
 */
/** `initialLooks` / `initialVoices`: the pickers' first pages, rendered by the server (none when HeyGen was unreachable). */
export function GenerateForm({ initialLooks, initialVoices }: { initialLooks?: LookPage; initialVoices?: VoicePage }) {
  const { mutate } = useSWRConfig();
  const [draft, setDraft] = useState(() => initialStudioDraft(initialLooks?.items[0] ?? null));
  const { formRef, error, fail, clear, errorFor, moreOpen, setMoreOpen } = useFieldError();
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // One key per submission: repeated clicks, and retries after a lost answer, carry the same key, so the
  // server makes one video (and one HeyGen job) whatever happens. Changing the form starts a new submission.
  const idempotencyKey = useRef<string | null>(null);

  const update = (change: (current: StudioDraft) => Partial<StudioDraft>) => {
    idempotencyKey.current = null;
    setDraft((current) => ({ ...current, ...change(current) }));
  };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    clear();
    const parsed = createVideoInput.safeParse(toCreateVideoInput(draft));
    if (!parsed.success) return fail(describeFirstIssue(parsed.error));
    if (lacksVoice(draft)) {
      return fail({ field: "voiceId", message: "This look has no voice of its own: pick one." });
    }

    setSubmitting(true);
    idempotencyKey.current ??= newIdempotencyKey();
    try {
      const video = await fetchJson<PublicVideo>("/api/videos", {
        method: "POST",
        body: JSON.stringify(parsed.data),
        headers: { "idempotency-key": idempotencyKey.current },
      });
      idempotencyKey.current = null;
      setOutcome({ kind: video.unconfirmed ? "unconfirmed" : "created", video });
      setDraft((current) => ({ ...current, script: "" }));
    } catch (caught) {
      // A refusal is final for this submission; a network failure is not: a retry must reuse the key.
      if (caught instanceof ApiRequestError) {
        idempotencyKey.current = null;
        fail({ message: caught.message, field: caught.field });
      } else {
        fail({ message: NETWORK_FAILURE });
      }
    } finally {
      setSubmitting(false);
      void mutate(isVideosKey);
    }
  }

  const speed = Math.min(Math.max(draft.options.voiceSpeed ?? 1, VOICE_SPEED_MIN), VOICE_SPEED_MAX);
  const { seconds, costUsd } = estimateScript(draft.script, speed);

  return (
    <>
      <form
        ref={formRef}
        method="post"
        onSubmit={onSubmit}
        className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
        noValidate
      >
        <label className="block">
          <span className="text-sm font-medium">Title</span>
          <input
            name="title"
            required
            maxLength={TITLE_MAX_LENGTH}
            value={draft.title}
            onChange={(e) => update(() => ({ title: e.target.value }))}
            className={inputClass}
            placeholder="Welcome to the team"
          />
          {errorFor("title")}
        </label>
        <ScriptField
          value={draft.script}
          onChange={(script) => update(() => ({ script }))}
          voiceSpeed={speed}
          error={errorFor("script")}
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
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pending={submitting} pendingLabel="Sending to HeyGen…">
            {seconds > 0 ? `Generate (≈ ${formatUsd(costUsd)})` : "Generate"}
          </SubmitButton>
          {outcome && (
            <p
              role="status"
              className={`text-sm ${outcome.kind === "created" ? "text-emerald-800" : "text-amber-800"}`}
            >
              {outcome.kind === "created"
                ? `HeyGen is rendering “${outcome.video.title}”. `
                : `HeyGen did not confirm “${outcome.video.title}”: it may still be rendering, so it was not sent again. Its page updates when HeyGen reports back. `}
              <Link href={`/videos/${outcome.video.id}`} className="font-medium underline">
                Watch it
              </Link>
            </p>
          )}
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error.message}
            </p>
          )}
        </div>
      </form>
      <SavePresenterPanel draft={draft} />
    </>
  );
}
