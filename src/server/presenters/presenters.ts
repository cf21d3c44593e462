import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { storedOptions } from "@/lib/generation-options";
import type { Presenter } from "@/lib/presenter";
import type { AspectRatio, Resolution } from "@/lib/video-format";
import type { CreatePresenterInput, UpdatePresenterInput } from "@/lib/presenter-input";
import { db, isUniqueViolation } from "@/server/db";
import { AppError } from "@/server/errors";
import { translationLanguageNames } from "@/server/translations/heygen-languages";

const notFound = () => new AppError("not_found", "No presenter with this id.");
const nameTaken = () => new AppError("conflict", "A presenter already has this name.", { field: "name" });

/** Active presenters first, then by name. */
export async function listPresenters(): Promise<Presenter[]> {
  const rows = await db.presenter.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }] });
  return rows.map(toView);
}

/** One presenter; null for an unknown id. */
export async function getPresenter(id: string): Promise<Presenter | null> {
  const row = await db.presenter.findUnique({ where: { id } });
  return row && toView(row);
}

export async function createPresenter(input: CreatePresenterInput): Promise<Presenter> {
  await refuseTakenName(input.name);
  await refuseUnknownLanguages(input.languages);
  return toView(await withNameConflict(() => db.presenter.create({ data: input })));
}

export async function updatePresenter(id: string, input: UpdatePresenterInput): Promise<Presenter> {
  if (input.name !== undefined) await refuseTakenName(input.name, id);
  if (input.languages !== undefined) {
    const current = await db.presenter.findUnique({ where: { id }, select: { languages: true } });
    if (!current) throw notFound();
    await refuseUnknownLanguages(input.languages, current.languages);
  }
  try {
    return toView(await withNameConflict(() => db.presenter.update({ where: { id }, data: input })));
  } catch (error) {
    throw isRecordMissing(error) ? notFound() : error;
  }
}

/** Scripts of the content plan point at their presenter (FK RESTRICT): such a presenter is deactivated instead. */
export async function deletePresenter(id: string): Promise<{ id: string }> {
  try {
    await db.presenter.delete({ where: { id } });
    return { id };
  } catch (error) {
    if (isRecordMissing(error)) throw notFound();
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      throw new AppError("conflict", "Scripts of the content plan are for this presenter: deactivate it instead.");
    }
    throw error;
  }
}

/**
 * A language added to a presenter must be one HeyGen translates into (its list, cached like the catalogue), as the
 * translate route requires: a plan translation into anything else would only fail later. Languages it already has
 * are not asked about, so removing one never depends on HeyGen.
 */
async function refuseUnknownLanguages(languages: string[], kept: string[] = []) {
  const added = languages.filter((language) => !kept.includes(language));
  if (added.length === 0) return;
  const offered = new Set(await translationLanguageNames());
  const unknown = added.find((language) => !offered.has(language));
  if (unknown)
    throw new AppError("invalid_input", `HeyGen does not translate into "${unknown}": pick a language from its list.`, {
      field: "languages",
    });
}

/** The unique index compares names as written; "Anna" and "anna" would confuse an admin, so they clash too. */
async function refuseTakenName(name: string, exceptId?: string) {
  const taken = await db.presenter.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId && { id: { not: exceptId } }) },
    select: { id: true },
  });
  if (taken) throw nameTaken();
}

/** Two admins saving the same name at once: the check above passes for both, the unique index refuses one. */
async function withNameConflict<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isUniqueViolation(error) ? nameTaken() : error;
  }
}

const isRecordMissing = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";

function toView(row: Prisma.PresenterGetPayload<object>): Presenter {
  const { id, name, avatarId, voiceId, aspectRatio, resolution, options, tags, languages, active } = row;
  // Only the API's schema writes these columns: the strings are its enums.
  const format = { aspectRatio: aspectRatio as AspectRatio, resolution: resolution as Resolution };
  return { id, name, avatarId, voiceId, ...format, options: storedOptions(options), tags, languages, active };
}
