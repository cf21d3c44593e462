import { focusRing } from "@/components/ui/focus-ring";
import { formatPlanDay } from "@/lib/format";
import type { PlanScriptView } from "@/lib/plan-import";
import { DeleteScriptButton } from "./DeleteScriptButton";
import { EditScriptButton } from "./EditScriptDialog";
import { monthLabel } from "./MonthNav";
import type { PlanTargets } from "./ScriptFields";

type Props = { month: string; scripts: PlanScriptView[]; targets: PlanTargets };

/** The month's scripts, grouped by day, each with the presenter or the tag it is for, its text, and Edit and Delete. */
export function MonthScripts({ month, scripts, targets }: Props) {
  // Map.groupBy would do, but Node 20 (the server's runtime) lacks it.
  const days = new Map<string, PlanScriptView[]>();
  for (const script of scripts) days.set(script.date, [...(days.get(script.date) ?? []), script]);
  return (
    <section aria-labelledby="month-scripts" className="space-y-3">
      <h2 id="month-scripts" className="text-lg font-semibold">
        Scripts in {monthLabel(month)}
      </h2>
      {days.size === 0 ? (
        <p className="text-slate-700">No scripts for this month yet: add one or import a plan below.</p>
      ) : (
        <ol className="space-y-4">
          {[...days].map(([day, dayScripts]) => (
            <li key={day}>
              <h3 className="font-medium">
                <time dateTime={day}>{formatPlanDay(day)}</time>
              </h3>
              <ul className="mt-1 divide-y divide-slate-200 rounded-md border border-slate-200">
                {dayScripts.map((script) => (
                  <li key={script.id} className="space-y-1 px-3 py-2">
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <span className="min-w-0 break-words">{script.title}</span>
                      <span className="text-sm text-slate-700">
                        {script.presenter ? script.presenter.name : `#${script.tag}`}
                      </span>
                    </div>
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <details className="min-w-0 flex-1 text-sm">
                        <summary className={`cursor-pointer rounded text-slate-700 ${focusRing}`}>Script</summary>
                        <p className="mt-1 whitespace-pre-wrap break-words">{script.script}</p>
                      </details>
                      <div className="flex gap-2">
                        <EditScriptButton script={script} targets={targets} />
                        <DeleteScriptButton script={script} />
                      </div>
                    </div>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
