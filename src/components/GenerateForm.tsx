"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useSWRConfig } from "swr";
import { CaptionsPicker } from "@/components/CaptionsPicker";
import { FormatPicker } from "@/components/FormatPicker";
import { GenerationOptionsFields } from "@/components/GenerationOptionsFields";
import { LookPicker } from "@/components/LookPicker";
import { SavePresenterPanel } from "@/components/presenters/SavePresenterPanel";
import { ScriptField } from "@/components/ScriptField";
import { VoicePicker } from "@/components/VoicePicker";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { inputClass } from "@/components/ui/styles";
import { isVideosKey } from "@/hooks/use-videos";
import type { Look, LookPage, VoicePage } from "@/lib/catalogue";
import { estimateScript, formatUsd } from "@/lib/cost";
import { ApiRequestError, fetchJson } from "@/lib/fetch-json";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { TITLE_MAX_LENGTH, VOICE_SPEED_MAX, VOICE_SPEED_MIN } from "@/lib/limits";
import { initialStudioDraft, toCreateVideoInput, type OptionsDraft, type StudioDraft } from "@/lib/studio-draft";
import { describeFirstIssue } from "@/lib/validation";
import type { PublicVideo } from "@/lib/video";
import { aspectRatioForOrientation } from "@/lib/video-format";
import { createVideoInput } from "@/lib/video-input";

type Outcome =
  | { kind: "created" | "unconfirmed"; video: PublicVideo }
  | { kind: "error"; message: string; field?: string };

const NETWORK_FAILURE =
  "The server could not be reached, so this video may or may not have been made. Check your connection and click " +
  "Generate again: the same request is sent again, so at most one video is made.";

/** The API field names an option of the "More options" disclosure (captions sit outside it). */
const isInDisclosure = (field?: string) => !!field?.startsWith("options.") && field !== "options.captions";

/**
 * The studio: script, look, voice, format, captions and every other option, with what a click will spend. The
 * pickers and fields are controlled, so nothing typed or chosen is lost when a request fails.
 */
/** `initialLooks` / `initialVoices`: the pickers' first pages, rendered by the server (none when HeyGen was unreachable). */
export function GenerateForm({ initialLooks, initialVoices }: { initialLooks?: LookPage; initialVoices?: VoicePage }) {
  const { mutate } = useSWRConfig();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => initialStudioDraft(initialLooks?.items[0] ?? null));
  const [moreOpen, setMoreOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // One key per submission: repeated clicks, and retries after a lost answer, carry the same key, so the
  // server makes one video (and one HeyGen job) whatever happens. Changing the form starts a new submission.
  const idempotencyKey = useRef<string | null>(null);

  const update = (change: (current: StudioDraft) => Partial<StudioDraft>) => {
    idempotencyKey.current = null;
    setDraft((current) => ({ ...current, ...change(current) }));
  };
  const updateOptions = (patch: Partial<OptionsDraft>) => update((current) => ({ options: { ...current.options, ...patch } }));
  const pickLook = (lookId: string, look: Look | null) =>
    update(() => ({ lookId, look, ...(look?.preferredOrientation && { aspectRatio: aspectRatioForOrientation(look.preferredOrientation) }) }));

  useEffect(() => {
    if (outcome?.kind === "error" && outcome.field) focusField(formRef.current, outcome.field);
  }, [outcome]);

  function fail(error: { message: string; field?: string }) {
    if (isInDisclosure(error.field)) setMoreOpen(true);
    setOutcome({ kind: "error", ...error });
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createVideoInput.safeParse(toCreateVideoInput(draft));
    if (!parsed.success) return fail(describeFirstIssue(parsed.error));
    if (draft.look && !draft.look.defaultVoiceId && !draft.voiceId) {
      return fail({ field: "voiceId", message: "This look has no voice of its own: pick one." });
    }

    setSubmitting(true);
    setOutcome(null);
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

  const errorFor = (field: string) =>
    outcome?.kind === "error" && (outcome.field === field || outcome.field?.startsWith(`${field}.`)) ? (
      <span className="mt-1 block text-sm text-red-700">{outcome.message}</span>
    ) : null;

  const speed = Math.min(Math.max(draft.options.voiceSpeed ?? 1, VOICE_SPEED_MIN), VOICE_SPEED_MAX);
  const { seconds, costUsd } = estimateScript(draft.script, speed);

  return (
    <>
      <form ref={formRef} method="post" onSubmit={onSubmit} className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6" noValidate>
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
        <ScriptField value={draft.script} onChange={(script) => update(() => ({ script }))} voiceSpeed={speed} error={errorFor("script")} />
        <LookPicker value={draft.lookId} onChange={pickLook} error={errorFor("avatarId")} initialPage={initialLooks} />
        <VoicePicker initialPage={initialVoices} value={draft.voiceId} onChange={(voiceId) => update(() => ({ voiceId }))} look={draft.look} error={errorFor("voiceId")} />
        <FormatPicker
          aspectRatio={draft.aspectRatio}
          resolution={draft.resolution}
          onChange={(patch) => update(() => patch)}
          error={errorFor("aspectRatio") ?? errorFor("resolution")}
        />
        <CaptionsPicker value={draft.options.captions} onChange={(captions) => updateOptions({ captions })} error={errorFor("options.captions")} />
        <GenerationOptionsFields
          draft={draft.options}
          onChange={updateOptions}
          errorFor={errorFor}
          look={draft.look}
          open={moreOpen}
          onToggle={setMoreOpen}
        />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pending={submitting} pendingLabel="Sending to HeyGen…">
            {seconds > 0 ? `Generate (≈ ${formatUsd(costUsd)})` : "Generate"}
          </SubmitButton>
          {outcome && outcome.kind !== "error" && (
            <p role="status" className={`text-sm ${outcome.kind === "created" ? "text-emerald-800" : "text-amber-800"}`}>
              {outcome.kind === "created"
                ? `HeyGen is rendering “${outcome.video.title}”. `
                : `HeyGen did not confirm “${outcome.video.title}”: it may still be rendering, so it was not sent again. Its page updates when HeyGen reports back. `}
              <Link href={`/videos/${outcome.video.id}`} className="font-medium underline">
                Watch it
              </Link>
            </p>
          )}
          {outcome?.kind === "error" && (
            <p role="alert" className="text-sm text-red-700">
              {outcome.message}
            </p>
          )}
        </div>
      </form>
      <SavePresenterPanel draft={draft} />
    </>
  );
}

/** Focuses the control of the named API field, or of the nearest field containing it ("options.background.type"). */
function focusField(form: HTMLFormElement | null, field: string) {
  for (let name = field; name; name = name.slice(0, Math.max(0, name.lastIndexOf(".")))) {
    // A control named after the field, or (pickers that send a hidden input) one inside the part marked with it.
    const selector = `[name="${CSS.escape(name)}"]:not([type=hidden]), [data-field="${CSS.escape(name)}"] input:not(:disabled):not([type=hidden])`;
    const controls = form?.querySelectorAll<HTMLElement>(selector) ?? [];
    const control = [...controls].find((element) => (element as HTMLInputElement).checked) ?? controls[0];
    if (control) return control.focus();
  }
}
