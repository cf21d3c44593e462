import { RangeField } from "@/components/studio/RangeField";
import type { OptionsFieldsProps } from "@/components/studio/options-fields-props";
import { inputClass } from "@/components/ui/styles";
import { VOICE_PITCH_MAX, VOICE_PITCH_MIN, VOICE_SPEED_MAX, VOICE_SPEED_MIN } from "@/lib/limits";

/** Locales HeyGen's multilingual voices are most often asked for; any BCP-47 tag can be typed. */
const COMMON_LOCALES = [
  "en-US",
  "en-GB",
  "en-AU",
  "en-CA",
  "en-IN",
  "es-ES",
  "es-MX",
  "fr-FR",
  "fr-CA",
  "de-DE",
  "it-IT",
  "pt-BR",
  "pt-PT",
  "nl-NL",
  "pl-PL",
  "sv-SE",
  "tr-TR",
  "ar-SA",
  "hi-IN",
  "ja-JP",
  "ko-KR",
  "zh-CN",
  "zh-TW",
];

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** voice_settings: speed, pitch and accent, each left to the voice unless set. */
export function VoiceSettingsFields({ draft, onChange, errorFor }: OptionsFieldsProps) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-semibold">Voice</legend>
      <RangeField
        label="Speed"
        name="options.voiceSpeed"
        min={VOICE_SPEED_MIN}
        max={VOICE_SPEED_MAX}
        step={0.05}
        value={draft.voiceSpeed}
        natural={1}
        format={(n) => `${n}×`}
        onChange={(voiceSpeed) => onChange({ voiceSpeed })}
        error={errorFor("options.voiceSpeed")}
      />
      <RangeField
        label="Pitch"
        name="options.voicePitch"
        min={VOICE_PITCH_MIN}
        max={VOICE_PITCH_MAX}
        step={1}
        value={draft.voicePitch}
        natural={0}
        format={(n) => `${signed(n)} semitones`}
        onChange={(voicePitch) => onChange({ voicePitch })}
        error={errorFor("options.voicePitch")}
      />
      <label className="block">
        <span className="text-sm font-medium">Accent (locale)</span>
        <input
          name="options.voiceLocale"
          list="studio-locales"
          value={draft.voiceLocale}
          onChange={(e) => onChange({ voiceLocale: e.target.value })}
          className={inputClass}
          placeholder="The voice’s own, e.g. en-GB"
          autoComplete="off"
          spellCheck={false}
        />
        <datalist id="studio-locales">
          {COMMON_LOCALES.map((locale) => (
            <option key={locale} value={locale} />
          ))}
        </datalist>
        <span className="mt-1 block text-xs text-slate-600">For voices that speak several languages or accents.</span>
        {errorFor("options.voiceLocale")}
      </label>
    </fieldset>
  );
}
