import type { VideoVisibility } from "@/generated/prisma/enums";
import { z } from "./zod";

/** The API's words for each visibility (lower case); the database's are VideoVisibility. */
export const API_VISIBILITIES = ["public", "unlisted", "draft", "private"] as const;
export type ApiVisibility = (typeof API_VISIBILITIES)[number];

export const toApiVisibility = (visibility: VideoVisibility) => visibility.toLowerCase() as ApiVisibility;

/** Only these may carry a publish moment: a draft or private video is published by changing its visibility. */
export const SCHEDULABLE: readonly VideoVisibility[] = ["PUBLIC", "UNLISTED"];

export const visibilityField = z
  .enum(API_VISIBILITIES, { error: `must be one of ${API_VISIBILITIES.join(", ")}` })
  .transform((visibility) => visibility.toUpperCase() as VideoVisibility);

/** An ISO 8601 moment with its offset (a moment without one would mean the server's zone), still to come. */
export const publishAtField = z
  .string({ error: "must be an ISO 8601 date and time with its offset" })
  .pipe(z.iso.datetime({ offset: true, error: "must be an ISO 8601 date and time with its offset" }))
  .transform((text) => new Date(text))
  .refine((moment) => moment.getTime() > Date.now(), "must be in the future");

/** The message of a publish moment given to a visibility that cannot have one. */
export const NOT_SCHEDULABLE = "can only be set for a public or unlisted video";

/** PATCH /api/admin/videos/{id}: either or both; `publishAt: null` clears the schedule. */
export const visibilityPatch = z
  .strictObject({ visibility: visibilityField.optional(), publishAt: publishAtField.nullable().optional() })
  .superRefine(({ visibility, publishAt }, ctx) => {
    if (publishAt && visibility && !SCHEDULABLE.includes(visibility)) {
      ctx.addIssue({ code: "custom", path: ["publishAt"], message: NOT_SCHEDULABLE });
    }
  });
export type VisibilityPatch = z.output<typeof visibilityPatch>;
