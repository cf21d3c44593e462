import { CostEstimate } from "@/components/studio/CostEstimate";
import { inputClass } from "@/components/ui/styles";
import { SCRIPT_MAX_LENGTH } from "@/lib/limits";

const count = (n: number) => n.toLocaleString("en");

/**
 * The script, its length against HeyGen's limit, and what saying it will cost. One message at a time: `problem`, what
 * the route's schema says of the script as typed (too long), announced as it appears; else `error`, a refusal.
 */
export function ScriptField(props: {
  value: string;
  onChange: (script: string) => void;
  voiceSpeed: number;
  problem: string | null;
  error?: React.ReactNode;
}) {
  const { value, onChange, voiceSpeed, problem, error } = props;
  const over = value.length - SCRIPT_MAX_LENGTH;
  const message = problem ? (
    <p role="alert" className="mt-1 text-sm font-medium text-red-700">
      {problem}
    </p>
  ) : (
    error
  );
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
        aria-invalid={!!message}
        aria-describedby={`studio-script-count studio-script-estimate${message ? " studio-script-error" : ""}`}
        className={inputClass}
        placeholder="What the avatar says."
      />
      {message && <div id="studio-script-error">{message}</div>}
      <CostEstimate id="studio-script-estimate" script={value} voiceSpeed={voiceSpeed} />
    </div>
  );
}
