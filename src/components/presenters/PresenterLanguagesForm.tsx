"use client";

import { useId, useState, type FormEvent } from "react";
import { LanguagePicker } from "@/components/translations/LanguagePicker";
import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { smallButton } from "@/components/ui/buttons";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { useTranslationLanguages } from "@/hooks/use-translation-languages";
import { fetchJson } from "@/lib/fetch-json";
import { PRESENTER_LANGUAGES_MAX } from "@/lib/limits";
import type { Presenter } from "@/lib/presenter";

type Props = {
  presenter: Presenter;
  onSaved: (presenter: Presenter) => void;
  onCancel: () => void;
};

/**
 * The languages "Generate what is missing" translates a presenter's plan videos into (issue 19), picked from HeyGen's
 * list and saved with PATCH /api/admin/presenters/[id] { languages }. A refusal shows under the picker, the choice kept.
 */
export function PresenterLanguagesForm({ presenter, onSaved, onCancel }: Props) {
  const id = useId();
  const [chosen, setChosen] = useState(presenter.languages);
  const { data, error: listError } = useTranslationLanguages();
  const { pending, outcome, run } = useActionOutcome();
  const fieldError = outcome?.kind === "error" && outcome.field === "languages" ? outcome.message : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(async () => {
      const saved = await fetchJson<Presenter>(`/api/admin/presenters/${presenter.id}`, {
        method: "PATCH",
        body: JSON.stringify({ languages: chosen }),
      });
      onSaved(saved);
      return "Languages saved.";
    });
  }

  return (
    <form onSubmit={submit} className="mt-4 space-y-3" aria-label={`Languages of ${presenter.name}`}>
      <LanguagePicker
        id={`${id}-languages`}
        label="Translate plan videos into"
        value={chosen}
        onChange={setChosen}
        // While HeyGen's list cannot be read the chosen languages can still be removed and saved.
        languages={listError ? [] : data?.languages}
        error={fieldError}
        disabled={pending}
      />
      <p className="text-xs text-slate-600">
        Up to {PRESENTER_LANGUAGES_MAX}. “Generate what is missing” on the plan page translates each of this presenter’s
        videos into each of them once the video is made (HeyGen’s speed mode, with captions).
      </p>
      {listError && (
        <p role="alert" className="text-sm text-red-700">
          HeyGen’s languages could not be read: {listError.message}
        </p>
      )}
      <div className="flex gap-2">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save languages
        </SubmitButton>
        <button type="button" onClick={onCancel} className={smallButton}>
          Cancel
        </button>
      </div>
      <ActionOutcome outcome={outcome} />
    </form>
  );
}
