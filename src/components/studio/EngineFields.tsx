import type { OptionsFieldsProps } from "@/components/studio/options-fields-props";
import { inputClass } from "@/components/ui/styles";
import { ENGINE_LABELS, EXPRESSIVENESS_LEVELS, type Engine, type Expressiveness } from "@/lib/generation-options";
import { MOTION_PROMPT_MAX_LENGTH } from "@/lib/limits";
import { availableOptions } from "@/lib/studio-draft";
import type { Look } from "@/lib/catalogue";

const EXPRESSIVENESS_LABELS: Record<Expressiveness, string> = { low: "Low", medium: "Medium", high: "High" };

/** The rendering engine (only those the look lists) and what moves: expressiveness and motion, where HeyGen takes them. */
export function EngineFields({ draft, onChange, errorFor, look }: OptionsFieldsProps & { look: Look | null }) {
  const available = availableOptions(look, draft.engine);
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-semibold">Avatar</legend>
      <label className="block">
        <span className="text-sm font-medium">Engine</span>
        <select
          name="options.engine"
          value={available.engine}
          onChange={(e) => onChange({ engine: e.target.value as Engine | "" })}
          className={inputClass}
        >
          <option value="">HeyGen’s default (Avatar IV)</option>
          {available.engines.map((engine) => (
            <option key={engine} value={engine}>
              {ENGINE_LABELS[engine]}
            </option>
          ))}
        </select>
        {look && (
          <span className="mt-1 block text-xs text-slate-600">Only the engines this look supports are listed.</span>
        )}
        {errorFor("options.engine")}
      </label>
      {!available.expressiveness && !available.motionPrompt && (
        <p className="text-xs text-slate-600">
          Expressiveness and motion prompts are for photo looks (motion also for any look on Avatar V).
        </p>
      )}
      {available.expressiveness && (
        <label className="block">
          <span className="text-sm font-medium">Expressiveness</span>
          <select
            name="options.expressiveness"
            value={draft.expressiveness}
            onChange={(e) => onChange({ expressiveness: e.target.value as Expressiveness | "" })}
            className={inputClass}
          >
            <option value="">HeyGen’s default (low)</option>
            {EXPRESSIVENESS_LEVELS.map((level) => (
              <option key={level} value={level}>
                {EXPRESSIVENESS_LABELS[level]}
              </option>
            ))}
          </select>
          {errorFor("options.expressiveness")}
        </label>
      )}
      {available.motionPrompt && (
        <label className="block">
          <span className="flex justify-between text-sm font-medium">
            Motion
            <span className="font-normal text-slate-600">
              {draft.motionPrompt.length} / {MOTION_PROMPT_MAX_LENGTH}
            </span>
          </span>
          <textarea
            name="options.motionPrompt"
            rows={2}
            maxLength={MOTION_PROMPT_MAX_LENGTH}
            value={draft.motionPrompt}
            onChange={(e) => onChange({ motionPrompt: e.target.value })}
            className={inputClass}
            placeholder="Gestures and body movement, e.g. “nods, then opens both hands”"
          />
          {errorFor("options.motionPrompt")}
        </label>
      )}
    </fieldset>
  );
}
