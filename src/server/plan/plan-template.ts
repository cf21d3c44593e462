import "server-only";
import { PLAN_COLUMNS } from "@/lib/plan-import";
import { db } from "@/server/db";

/** A CSV cell: quoted when it holds a comma, a quote or a line break (a quote doubled), as the importer reads it. */
const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * The CSV an admin fills in: the importer's exact header, then one example row per kind of target, on the first
 * days of `month` (YYYY-MM). The examples name a real active presenter and a tag one carries, so the template imports
 * as it is; with none yet, placeholders the preview will point at.
 */
export async function planTemplate(month: string): Promise<string> {
  const presenters = await db.presenter.findMany({
    where: { active: true },
    select: { name: true, tags: true },
    orderBy: { name: "asc" },
  });
  const presenter = presenters[0]?.name ?? "Presenter name";
  const tag = presenters.flatMap((candidate) => candidate.tags).sort()[0] ?? "tag";
  const rows = [
    [`${month}-01`, "Welcome to the month", "Hello, everyone. Here is what is coming this month.", presenter],
    [`${month}-02`, "Morning news", 'Good morning. Today\'s word is "plan".\nA script may span lines.', `#${tag}`],
  ];
  return [PLAN_COLUMNS, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
