"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PresenterSettingsFields } from "@/components/studio/PresenterSettingsFields";
import { smallButton } from "@/components/ui/buttons";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useFieldError } from "@/hooks/use-field-error";
import type { Look, LookPage, VoicePage } from "@/lib/catalogue";
import { ApiRequestError, fetchJson } from "@/lib/fetch-json";
import type { Presenter } from "@/lib/presenter";
import { lacksVoice, presenterDraft, presenterSettings } from "@/lib/presenter-draft";
import { updatePresenterInput } from "@/lib/presenter-input";
import type { StudioDraft } from "@/lib/studio-draft";
import { describeFirstIssue } from "@/lib/validation";

type Props = {
  presenter: Presenter;
  /** The presenter's look as the catalogue describes it; null when HeyGen could not be read or no longer lists it. */
  look: Look | null;
  initialLooks?: LookPage;
  initialVoices?: VoicePage;
};

const NETWORK_FAILURE =
  "The server could not be reached, so the presenter may not have been saved. Check your connection and save again.";

/**
 * A presenter's look, voice, format and options, in the studio's own fields, pre-filled with what it has now. Saved
 * (PATCH), it goes back to the presenters; refused, the form keeps every choice and says why beside the field.
 */
export function PresenterEditor({ presenter, look, initialLooks, initialVoices }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState(() => presenterDraft(presenter, look));
  const { formRef, error, fail, clear, errorFor, moreOpen, setMoreOpen } = useFieldError();
  const [saving, setSaving] = useState(false);

  const update = (change: (current: StudioDraft) => Partial<StudioDraft>) =>
    setDraft((current) => ({ ...current, ...change(current) }));

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const parsed = updatePresenterInput.safeParse(presenterSettings(draft));
    if (!parsed.success) return fail(describeFirstIssue(parsed.error));
    if (lacksVoice(draft)) return fail({ field: "voiceId", message: "This look has no voice of its own: pick one." });

    setSaving(true);
    try {
      await fetchJson<Presenter>(`/api/admin/presenters/${presenter.id}`, {
        method: "PATCH",
        body: JSON.stringify(parsed.data),
      });
      router.push("/admin/presenters");
    } catch (caught) {
      fail(
        caught instanceof ApiRequestError
          ? { message: caught.message, field: caught.field }
          : { message: NETWORK_FAILURE },
      );
      setSaving(false);
    }
  }

  return (
    <form
      ref={formRef}
      onSubmit={save}
      noValidate
      aria-label={`Look and voice of ${presenter.name}`}
      className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
    >
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
        <SubmitButton pending={saving} pendingLabel="Saving…">
          Save
        </SubmitButton>
        <Link href="/admin/presenters" className={smallButton}>
          Cancel
        </Link>
        {error && !error.field && (
          <p role="alert" className="text-sm text-red-700">
            {error.message}
          </p>
        )}
      </div>
    </form>
  );
}
