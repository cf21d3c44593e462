import type { Metadata } from "next";
import { AddScriptForm } from "@/components/plan/AddScriptForm";
import { ImportPanel } from "@/components/plan/ImportPanel";
import { MonthNav } from "@/components/plan/MonthNav";
import { MonthScripts } from "@/components/plan/MonthScripts";
import { requireAdminPage } from "@/server/auth/session";
import { monthScripts, planTargets } from "@/server/plan/plan-scripts";

export const metadata: Metadata = { title: "Plan" };

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The content plan for `?month=YYYY-MM` (this month when absent or malformed): its scripts, a form, the import. */
export default async function PlanPage({ searchParams }: PageProps<"/admin/plan">) {
  await requireAdminPage();
  const requested = (await searchParams).month;
  const month = typeof requested === "string" && MONTH_PATTERN.test(requested) ? requested : new Date().toISOString().slice(0, 7);
  const [scripts, targets] = await Promise.all([monthScripts(month), planTargets()]);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Plan</h1>
        <MonthNav month={month} />
      </div>
      <MonthScripts month={month} scripts={scripts} />
      {/* The per-day × presenter video status matrix (issue 9) goes here once the queue exists. */}
      <AddScriptForm month={month} targets={targets} />
      <ImportPanel />
    </div>
  );
}
