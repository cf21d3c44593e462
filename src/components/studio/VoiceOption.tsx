"use client";

import { labelOf } from "@/components/studio/CatalogueControls";
import { focusRing } from "@/components/ui/focus-ring";
import type { Voice } from "@/lib/catalogue";

/** What a voice row's play button needs: which preview plays now, and how to start or stop one. */
export type PreviewControl = { playingUrl: string | null; toggle: (url: string) => void };

/**
 * The voice radios are not form fields themselves (`form` names no form): VoicePicker sends the choice in one
 * hidden `voiceId` field, so that a voice listed twice (in the list and in a search) is still one choice.
 */
const NOT_IN_A_FORM = "voice-picker-no-form";

type Props = {
  group: string;
  value: string;
  checked: boolean;
  onPick: () => void;
  title: string;
  details?: string;
  preview: { name: string; url: string | null } | null;
  control: PreviewControl;
  disabled?: boolean;
};

/** One choice of voice: a radio with its name and details, and a play/pause button for its preview. */
export function VoiceOption({ group, value, checked, onPick, title, details, preview, control, disabled }: Props) {
  const playing = Boolean(preview?.url) && control.playingUrl === preview?.url;
  return (
    <div className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-2 py-1.5 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50">
      <label
        className={`flex min-w-0 flex-1 items-center gap-2 ${disabled ? "cursor-not-allowed opacity-70" : "cursor-pointer"}`}
      >
        <input
          type="radio"
          name={group}
          form={NOT_IN_A_FORM}
          value={value}
          checked={checked}
          disabled={disabled}
          onChange={onPick}
          className="h-4 w-4 shrink-0 accent-indigo-600"
        />
        <span className="min-w-0">
          <span className="block truncate text-sm font-medium">{title}</span>
          {details && <span className="block truncate text-xs text-slate-600">{details}</span>}
        </span>
      </label>
      {preview?.url && (
        <button
          type="button"
          aria-label={`Play preview of ${preview.name}`}
          aria-pressed={playing}
          onClick={() => control.toggle(preview.url!)}
          className={`grid h-8 w-8 shrink-0 place-items-center rounded-full border border-slate-300 text-slate-800 hover:bg-slate-100 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-600 aria-pressed:text-white ${focusRing}`}
        >
          <svg viewBox="0 0 16 16" className="h-3.5 w-3.5" aria-hidden fill="currentColor">
            {playing ? <path d="M4 3h3v10H4zM9 3h3v10H9z" /> : <path d="M5 3l8 5-8 5z" />}
          </svg>
        </button>
      )}
    </div>
  );
}

/** "English · female · your voice". */
export const voiceDetails = (voice: Voice) =>
  [voice.language, voice.gender && labelOf(voice.gender), voice.ownership === "private" ? "your voice" : null]
    .filter(Boolean)
    .join(" · ");

export const previewOf = (voice: Voice) => ({ name: voice.name, url: voice.previewAudioUrl });
