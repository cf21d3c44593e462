import type { Metadata } from "next";
import { AddScriptForm } from "@/components/plan/AddScriptForm";
import { GeneratePanel } from "@/components/plan/GeneratePanel";
import { ImportPanel } from "@/components/plan/ImportPanel";
import { MonthNav } from "@/components/plan/MonthNav";
import { MonthScripts } from "@/components/plan/MonthScripts";
import { PlanChoice } from "@/components/plan/PlanChoice";
import { PublishTimeForm } from "@/components/plan/PublishTimeForm";
import { StatusMatrix } from "@/components/plan/StatusMatrix";
import { requireAdminPage } from "@/server/auth/session";
import { planMatrix } from "@/server/plan/plan-matrix";
import { planRevision } from "@/server/plan/plan-revision";
import { monthScripts, planTargets } from "@/server/plan/plan-scripts";
import { planMonthView } from "@/server/plan/publish-time";

export const metadata: Metadata = { title: "Plan" };

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The content plan for `?month=YYYY-MM` (this month when absent or malformed): its scripts, where each day's videos
 * stand per presenter, "Generate what is missing", a form and the import.
 */
export default async function PlanPage({ searchParams }: PageProps<"/admin/plan">) {
  await requireAdminPage();
  const requested = (await searchParams).month;
  const month =
    typeof requested === "string" && MONTH_PATTERN.test(requested) ? requested : new Date().toISOString().slice(0, 7);
  const [scripts, targets, matrix, publishing] = await Promise.all([
    monthScripts(month),
    planTargets(),
    planMatrix(month),
    planMonthView(month),
  ]);
  const activePresenters = matrix.columns.filter((column) => column.active).map(({ id, name }) => ({ id, name }));
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Plan</h1>
        <MonthNav month={month} />
      </div>
      <MonthScripts month={month} scripts={scripts} targets={targets} />
      <PublishTimeForm key={`publish-${month}`} initial={publishing} />
      <PlanChoice>
        <StatusMatrix key={month} initial={matrix} />
        <GeneratePanel
          key={`generate-${month}`}
          month={month}
          tags={targets.tags}
          presenters={activePresenters}
          matrix={matrix}
          revision={planRevision(scripts, targets, matrix)}
        />
      </PlanChoice>
      <AddScriptForm month={month} targets={targets} />
      <ImportPanel month={month} />
    </div>
  );
}
