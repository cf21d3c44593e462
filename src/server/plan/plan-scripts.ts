import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PlanScriptView } from "@/lib/plan-import";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { dateToDay, dayToDate } from "./preview-plan";
import type { PlanScriptInput } from "./script-input";

const include = { presenter: { select: { id: true, name: true } } } as const;
type ScriptRow = Prisma.PlanScriptGetPayload<{ include: typeof include }>;

const view = ({ id, date, title, script, presenter, tag }: ScriptRow): PlanScriptView => ({
  id,
  date: dateToDay(date),
  title,
  script,
  presenter,
  tag,
});

const notFound = () => new AppError("not_found", "No such script in the plan.");

export async function createPlanScript(input: PlanScriptInput): Promise<PlanScriptView> {
  const data = await rowData(input);
  return view(await db.planScript.create({ data, include }));
}

export async function updatePlanScript(id: string, input: PlanScriptInput): Promise<PlanScriptView> {
  const data = await rowData(input);
  try {
    return view(await db.planScript.update({ where: { id }, data, include }));
  } catch (error) {
    throw isMissingRow(error) ? notFound() : error;
  }
}

export async function deletePlanScript(id: string): Promise<void> {
  const { count } = await db.planScript.deleteMany({ where: { id } });
  if (count === 0) throw notFound();
}

/** A month's scripts (month = "YYYY-MM"), by day, then title. */
export async function monthScripts(month: string): Promise<PlanScriptView[]> {
  const start = dayToDate(`${month}-01`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const rows = await db.planScript.findMany({
    where: { date: { gte: start, lt: end } },
    include,
    orderBy: [{ date: "asc" }, { title: "asc" }],
  });
  return rows.map(view);
}

/** What a script can be for: every presenter (by name) and every tag some presenter carries. */
export async function planTargets(): Promise<{ presenters: Array<{ id: string; name: string }>; tags: string[] }> {
  const presenters = await db.presenter.findMany({
    select: { id: true, name: true, tags: true },
    orderBy: { name: "asc" },
  });
  const tags = [...new Set(presenters.flatMap((presenter) => presenter.tags))].sort();
  return { presenters: presenters.map(({ id, name }) => ({ id, name })), tags };
}

/** The presenter must exist: a 400 naming `presenterId`, not a foreign-key failure. */
async function rowData(input: PlanScriptInput) {
  if (
    input.presenterId &&
    !(await db.presenter.findUnique({ where: { id: input.presenterId }, select: { id: true } }))
  ) {
    throw new AppError("invalid_input", "presenterId names no presenter.", { field: "presenterId" });
  }
  return {
    date: dayToDate(input.date),
    title: input.title,
    script: input.script,
    presenterId: input.presenterId ?? null,
    tag: input.presenterId ? null : (input.tag ?? null),
  };
}

const isMissingRow = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
