import { estimateScript, formatUsd } from "@/lib/cost";
import { formatDuration } from "@/lib/format";
import { PRICE_PER_SECOND_USD } from "@/lib/limits";

/** The script's spoken length and what HeyGen will charge for it, as the admin types. */
export function CostEstimate(props: { id: string; script: string; voiceSpeed: number }) {
  const { seconds, costUsd } = estimateScript(props.script, props.voiceSpeed);
  return (
    <p id={props.id} data-testid="cost-estimate" className="mt-1 text-sm text-slate-600">
      {seconds === 0 ? (
        "The spoken length and its cost show here as you type."
      ) : (
        <>
          About <strong className="font-semibold text-slate-900">{formatDuration(seconds)}</strong> spoken
          {props.voiceSpeed !== 1 && ` at ${props.voiceSpeed}× speed`} ·{" "}
          <strong className="font-semibold text-slate-900">≈ {formatUsd(costUsd)}</strong> at HeyGen’s{" "}
          {formatUsd(PRICE_PER_SECOND_USD)} a second
        </>
      )}
    </p>
  );
}
