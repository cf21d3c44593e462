import { CostEstimate } from "@/components/studio/CostEstimate";
import { inputClass } from "@/components/ui/styles";
import { SCRIPT_MAX_LENGTH } from "@/lib/limits";

const count = (n: number) => n.toLocaleString("en");

/** The script, its length against HeyGen's limit (announced once it is over), and what saying it will cost. */
export function ScriptField(props: {
  value: string;
  onChange: (script: string) => void;
  voiceSpeed: number;
  error?: React.ReactNode;
}) {
  const { value, onChange, voiceSpeed, error } = props;
  const over = value.length - SCRIPT_MAX_LENGTH;
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor="studio-script" className="text-sm font-medium">
          Script
        </label>
        <span
          id="studio-script-count"
          data-testid="script-count"
          className={`text-sm ${over > 0 ? "font-semibold text-red-700" : "text-slate-600"}`}
        >
          {count(value.length)} / {count(SCRIPT_MAX_LENGTH)}
          <span className="sr-only"> characters</span>
        </span>
      </div>
      <textarea
        id="studio-script"
        name="script"
        required
        rows={6}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={over > 0}
        aria-describedby="studio-script-count studio-script-estimate"
        className={inputClass}
        placeholder="What the avatar says."
      />
      {over > 0 && (
        <p role="alert" className="mt-1 text-sm font-medium text-red-700">
          Over HeyGen’s limit of {count(SCRIPT_MAX_LENGTH)} characters: shorten the script to generate it.
        </p>
      )}
      <CostEstimate id="studio-script-estimate" script={value} voiceSpeed={voiceSpeed} />
      {error}
    </div>
  );
}
