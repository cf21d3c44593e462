import "server-only";
import { PLAN_FORMATS, isPlanDate } from "@/lib/plan-import";
import { HEYGEN_ID_MAX_LENGTH, SCRIPT_MAX_LENGTH, TITLE_MAX_LENGTH } from "@/lib/limits";
import { tag } from "@/lib/tags";
import { z } from "@/lib/zod";

const text = (max: number) =>
  z
    .string({ error: "must be a string" })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);

/** One script entered in the app: for a presenter (its id) or for a tag, exactly one of the two. */
export const planScriptInput = z
  .object({
    date: z.string({ error: "must be a string" }).refine(isPlanDate, "must be a real date written YYYY-MM-DD"),
    title: text(TITLE_MAX_LENGTH),
    script: text(SCRIPT_MAX_LENGTH),
    presenterId: z.string({ error: "must be a string" }).min(1).max(HEYGEN_ID_MAX_LENGTH).nullish(),
    tag: tag.nullish(),
  })
  .refine((input) => Boolean(input.presenterId) !== Boolean(input.tag), {
    path: ["presenterId"],
    message: "or tag: give exactly one of the two",
  });
export type PlanScriptInput = z.output<typeof planScriptInput>;

/** A pasted or uploaded plan; its row limit is checked once parsed (rows, not bytes, are the business limit). */
export const planTextInput = z.object({
  text: z.string({ error: "must be a string" }),
  format: z.enum(PLAN_FORMATS, { error: `must be one of ${PLAN_FORMATS.join(", ")}` }),
  skipInvalid: z.boolean({ error: "must be true or false" }).default(false),
});
