"use client";

import { BackgroundFields } from "@/components/studio/BackgroundFields";
import { EngineFields } from "@/components/studio/EngineFields";
import type { OptionsFieldsProps } from "@/components/studio/options-fields-props";
import { VoiceSettingsFields } from "@/components/studio/VoiceSettingsFields";
import { focusRing } from "@/components/ui/focus-ring";
import type { Look } from "@/lib/catalogue";
import type { OptionsDraft } from "@/lib/studio-draft";

/** How many options differ from HeyGen's defaults, for the closed disclosure's summary. */
function changedCount(draft: OptionsDraft): number {
  return [
    draft.engine,
    draft.voiceSpeed !== null,
    draft.voicePitch !== null,
    draft.voiceLocale.trim(),
    draft.backgroundKind !== "none",
    draft.expressiveness,
    draft.motionPrompt.trim(),
    draft.removeBackground,
    draft.outputFormat !== "mp4",
  ].filter(Boolean).length;
}

/**
 * Everything beyond script, look, voice, format and captions, behind one disclosure: most videos need none of it.
 * It opens by itself when a refusal names one of its fields (`open`), so the message is never hidden.
 */
export function GenerationOptionsFields(
  props: OptionsFieldsProps & { look: Look | null; open: boolean; onToggle: (open: boolean) => void },
) {
  const { look, open, onToggle, ...fields } = props;
  const changed = changedCount(fields.draft);
  return (
    <details
      open={open}
      onToggle={(e) => onToggle(e.currentTarget.open)}
      className="rounded-md border border-slate-200"
    >
      <summary className={`cursor-pointer rounded-md px-4 py-3 text-sm font-medium ${focusRing}`}>
        More options: voice, background, engine
        {changed > 0 && <span className="ml-2 text-slate-600">({changed} changed)</span>}
      </summary>
      <div className="grid gap-6 border-t border-slate-200 p-4 md:grid-cols-2">
        <VoiceSettingsFields {...fields} />
        <EngineFields {...fields} look={look} />
        <div className="md:col-span-2">
          <BackgroundFields {...fields} />
        </div>
      </div>
    </details>
  );
}
