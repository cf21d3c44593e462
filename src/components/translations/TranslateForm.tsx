"use client";

import { useRef, useState, type FormEvent } from "react";
import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { smallButton } from "@/components/ui/buttons";
import { ChoiceChip } from "@/components/ui/ChoiceChip";
import { focusRing } from "@/components/ui/focus-ring";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { useFieldError, type FieldError } from "@/hooks/use-field-error";
import { useTranslationLanguages } from "@/hooks/use-translation-languages";
import { translationsUrl } from "@/hooks/use-translations";
import { formatUsd } from "@/lib/cost";
import { ApiRequestError, fetchJson } from "@/lib/fetch-json";
import {
  TRANSLATION_MODE_LABELS,
  TRANSLATION_MODES,
  translationRequestInput,
  type TranslationMode,
  type TranslationRequestResult,
} from "@/lib/translations";
import { describeFirstIssue } from "@/lib/validation";
import type { AdminVideo } from "@/lib/video";
import { LanguagePicker } from "./LanguagePicker";
import { TranslateConfirmDialog, translationEstimate, type TranslationAsked } from "./TranslateConfirmDialog";
import { requestOutcomeWords } from "./translation-words";

type Props = {
  /** A completed video of its own (not a translation). */
  video: AdminVideo;
  /** Something was asked of HeyGen (or refused): the variants should be read again. */
  onSent: () => void;
};

/**
 * Translate a finished video: HeyGen's languages (searchable, several at once), the mode with its price, captions,
 * and what it costs before anything is sent; Translate asks again in a dialog saying what it will spend, then sends
 * once (POST /api/admin/videos/{id}/translations). What came of it is said in words; a refusal naming a field is shown
 * and focused there, in the server's words, and what was picked stays.
 */
export function TranslateForm({ video, onSent }: Props) {
  const languages = useTranslationLanguages();
  const reloading = useActionOutcome();
  const { pending, outcome, run } = useActionOutcome();
  const { formRef, error, fail, clear, errorFor } = useFieldError();
  const refusal = useRef<FieldError | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [mode, setMode] = useState<TranslationMode>("speed");
  const [captions, setCaptions] = useState(true);
  const [confirming, setConfirming] = useState<TranslationAsked | null>(null);
  // Bumped by each request sent: the picker starts afresh (its search box emptied) for the next one.
  const [sent, setSent] = useState(0);
  const asked: TranslationAsked = { languages: picked, mode, captions };
  const estimate = translationEstimate(video, picked.length, mode);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = translationRequestInput.safeParse(asked);
    if (!parsed.success) return fail(describeFirstIssue(parsed.error));
    clear();
    setConfirming(asked);
  }

  /** The confirmed request, sent through the form's one action; a refusal is kept to show once the dialog is shut. */
  const send = (request: TranslationAsked) =>
    run(async () => {
      refusal.current = null;
      try {
        const result = await fetchJson<TranslationRequestResult>(translationsUrl(video.id), {
          method: "POST",
          body: JSON.stringify(request),
        });
        setPicked([]);
        setSent((count) => count + 1);
        return requestOutcomeWords(result);
      } catch (caught) {
        if (caught instanceof ApiRequestError && caught.field)
          refusal.current = { message: caught.message, field: caught.field };
        throw caught;
      } finally {
        onSent();
      }
    });

  const reload = () =>
    reloading.run(async () => {
      await languages.reload();
      return "HeyGen’s languages are reloaded.";
    });

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4" aria-labelledby="translate-heading">
      <h3 id="translate-heading" className="font-medium">
        Translate it
      </h3>
      <div data-field="languages">
        <LanguagePicker
          key={sent}
          id="translate-languages"
          label="Languages"
          value={picked}
          onChange={(names) => {
            setPicked(names);
            if (error?.field === "languages") clear();
          }}
          languages={languages.data?.languages}
          error={error?.field === "languages" ? error.message : undefined}
        />
      </div>
      {languages.error && !languages.data && (
        <p role="alert" className="text-sm text-red-700">
          Could not read HeyGen’s languages: {languages.error.message}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={reload} disabled={reloading.pending} className={smallButton}>
          {reloading.pending ? "Reloading…" : "Reload from HeyGen"}
        </button>
        <ActionOutcome outcome={reloading.outcome} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Mode</legend>
        <div className="mt-1 flex flex-wrap gap-2" data-field="mode">
          {TRANSLATION_MODES.map((choice) => (
            <ChoiceChip
              key={choice}
              name="mode"
              value={choice}
              checked={mode === choice}
              onChange={() => setMode(choice)}
            >
              {TRANSLATION_MODE_LABELS[choice]}
            </ChoiceChip>
          ))}
        </div>
        {errorFor("mode")}
      </fieldset>
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="captions"
            checked={captions}
            onChange={(event) => setCaptions(event.target.checked)}
            className="size-4"
          />
          Captions in each language
        </label>
        {errorFor("captions")}
      </div>
      <p className="text-sm text-slate-700" data-testid="translation-cost" aria-live="polite">
        {estimate.words}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Translating…" className={focusRing}>
          {picked.length ? `Translate (≈ ${formatUsd(estimate.costUsd)})` : "Translate"}
        </SubmitButton>
        <ActionOutcome outcome={outcome} />
      </div>
      {confirming && (
        <TranslateConfirmDialog
          video={video}
          request={confirming}
          action={() => send(confirming)}
          onDone={() => {
            // Shown now the dialog is shut, so that focus can go to the field it names.
            if (refusal.current) fail(refusal.current);
          }}
          onClose={() => setConfirming(null)}
        />
      )}
    </form>
  );
}
