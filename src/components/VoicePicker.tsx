import { inputClass } from "@/components/ui/styles";
import type { Look, Voice } from "@/lib/catalogue";

/** HeyGen voices grouped by language, led by "the look's own voice" (sends no voice_id). */
export function VoicePicker(props: {
  voices: Voice[];
  /** Empty: the look's own voice. */
  value: string;
  onChange: (id: string) => void;
  look: Look | null;
  error?: React.ReactNode;
}) {
  const { voices, value, onChange, look, error } = props;
  const lookHasOwnVoice = look ? look.defaultVoiceId !== null : true;
  const byLanguage = new Map<string, Voice[]>();
  for (const voice of voices) {
    const language = voice.language ?? "Other";
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), voice]);
  }
  return (
    <label className="block">
      <span className="text-sm font-medium">Voice</span>
      {voices.length > 0 ? (
        <select name="voiceId" className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{lookHasOwnVoice ? "The look’s own voice" : "The look’s own voice (this look has none: pick one)"}</option>
          {[...byLanguage].map(([language, group]) => (
            <optgroup key={language} label={language}>
              {group.map((voice) => (
                <option key={voice.id} value={voice.id}>
                  {[voice.name, voice.gender, voice.private ? "your voice" : null].filter(Boolean).join(" · ")}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      ) : (
        <input
          name="voiceId"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={inputClass}
          placeholder="HeyGen voice id (empty: the look’s own voice)"
        />
      )}
      {error}
    </label>
  );
}
