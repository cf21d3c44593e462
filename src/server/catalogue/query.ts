import "server-only";
import { z } from "@/lib/zod";
import { CATALOGUE_PAGE_MAX } from "@/lib/catalogue";
import { describeFirstIssue } from "@/lib/validation";
import { AppError } from "@/server/errors";

/** Query parameters shared by the catalogue lists. Empty means "any". */
export const listParams = {
  q: z.string().trim().max(100, "must be at most 100 characters").default(""),
  cursor: z.string().max(2000, "is too long").optional(),
};

export const pageLimit = (defaultLimit: number) =>
  z.coerce
    .number({ error: `must be a whole number from 1 to ${CATALOGUE_PAGE_MAX}` })
    .int(`must be a whole number from 1 to ${CATALOGUE_PAGE_MAX}`)
    .min(1, `must be a whole number from 1 to ${CATALOGUE_PAGE_MAX}`)
    .max(CATALOGUE_PAGE_MAX, `must be a whole number from 1 to ${CATALOGUE_PAGE_MAX}`)
    .default(defaultLimit);

/** `""` or one of `values`. */
export const anyOr = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(["", ...values], { error: `must be one of ${values.join(", ")}` }).default("");

/** A query string read with `schema`: a 400 naming the parameter at fault. */
export function readQuery<S extends z.ZodType>(
  schema: S,
  params: URLSearchParams | Record<string, string>,
): z.output<S> {
  const parsed = schema.safeParse(params instanceof URLSearchParams ? Object.fromEntries(params) : params);
  if (parsed.success) return parsed.data;
  const { field, message } = describeFirstIssue(parsed.error);
  throw new AppError("invalid_input", message, { field });
}

/** A filter whose values come from the catalogue itself (genders, languages, avatars): one of them, any case. */
export function oneOfCatalogue(field: string, given: string, values: string[]): string {
  if (given === "") return "";
  const match = values.find((value) => value.toLowerCase() === given.toLowerCase());
  if (match !== undefined) return match;
  const listed =
    values.length > 0 ? `one of ${values.slice(0, 20).join(", ")}${values.length > 20 ? ", …" : ""}` : "empty";
  throw new AppError("invalid_input", `${field} must be ${listed}`, { field });
}

/** Case- and accent-blind "contains", for the search boxes. */
export function matcher(q: string): (text: string | null) => boolean {
  const fold = (text: string) =>
    text
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase();
  const needle = fold(q);
  return (text) => needle === "" || (text !== null && fold(text).includes(needle));
}
