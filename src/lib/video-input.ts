import { z } from "./zod";
import { DESCRIPTION_MAX_LENGTH, HEYGEN_ID_MAX_LENGTH, SCRIPT_MAX_LENGTH, TITLE_MAX_LENGTH } from "./limits";
import { generationOptions } from "./generation-options";
import { NOT_SCHEDULABLE, publishAtField, SCHEDULABLE, visibilityField } from "./publish-input";
import { ASPECT_RATIOS, DEFAULT_RESOLUTION, nearestFormat, RESOLUTIONS } from "./video-format";

/** A required text of at most `max` characters, trimmed. Messages that are whole sentences stand alone (validation.ts). */
export const text = (max: number, tooLong: string, required = "is required") =>
  z.string({ error: required }).trim().min(1, required).max(max, tooLong);

const count = (n: number) => n.toLocaleString("en");

/**
 * A video's title and script, the route's and the studio's one wording (issue 16, bug 8): the form checks a script as
 * it is typed with this schema, so it says what the server would.
 */
export const videoTitle = text(
  TITLE_MAX_LENGTH,
  `Keep the title to ${count(TITLE_MAX_LENGTH)} characters or fewer.`,
  "Give the video a title.",
);
export const videoScript = text(
  SCRIPT_MAX_LENGTH,
  `Keep the script to ${count(SCRIPT_MAX_LENGTH)} characters or fewer: HeyGen takes no more.`,
  "Write what the avatar says.",
);

/** An optional description shown under the title; empty or missing: none. */
export const videoDescription = z
  .string({ error: "Write the description as text." })
  .trim()
  .max(DESCRIPTION_MAX_LENGTH, `Keep the description to ${count(DESCRIPTION_MAX_LENGTH)} characters or fewer.`)
  .nullish()
  .transform((description) => description || null);

/** Legacy clients sent pixel sizes; they are mapped to the nearest preset. */
const legacyDimension = z
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(128, "must be at least 128")
  .max(4096, "must be at most 4096")
  .refine((n) => n % 2 === 0, "must be even");

/** How a video looks and sounds: shared by a video (createVideoInput) and a presenter (presenter-input.ts). */
export const lookFields = {
  /** A HeyGen look id. */
  avatarId: text(HEYGEN_ID_MAX_LENGTH, "is too long", "Pick a look."),
  /** Empty or missing: the look's own voice. */
  voiceId: z
    .string({ error: "must be a string" })
    .trim()
    .max(HEYGEN_ID_MAX_LENGTH, "is too long")
    .nullish()
    .transform((id) => id || null),
  aspectRatio: z.enum(ASPECT_RATIOS, { error: `must be one of ${ASPECT_RATIOS.join(", ")}` }).optional(),
  resolution: z.enum(RESOLUTIONS, { error: `must be one of ${RESOLUTIONS.join(", ")}` }).optional(),
  /** Everything else HeyGen can be asked for (engine, voice settings, background, captions, ...). */
  options: generationOptions.prefault({}),
};

/** What an admin sends to create a video. Shared by the API route and the form. */
export const createVideoInput = z
  .object({
    title: videoTitle,
    script: videoScript,
    description: videoDescription,
    ...lookFields,
    /** The presenter the Studio started from, shown as who presents the video; must exist (400 naming it if not). */
    presenterId: z
      .string({ error: "must be a string" })
      .trim()
      .max(HEYGEN_ID_MAX_LENGTH, "is too long")
      .transform((id) => id || undefined)
      .nullish(),
    width: legacyDimension.optional(),
    height: legacyDimension.optional(),
    /** Who may see it once ready: public (the default, as before issue 18), unlisted, draft or private. */
    visibility: visibilityField.default("PUBLIC"),
    /** Publish at this moment instead of when ready (public or unlisted only). */
    publishAt: publishAtField.nullish().transform((moment) => moment ?? null),
  })
  .transform(({ width, height, aspectRatio, resolution, ...rest }, ctx) => {
    if (rest.publishAt && !SCHEDULABLE.includes(rest.visibility)) {
      ctx.addIssue({ code: "custom", path: ["publishAt"], message: NOT_SCHEDULABLE });
      return z.NEVER;
    }
    if (aspectRatio) return { ...rest, aspectRatio, resolution: resolution ?? DEFAULT_RESOLUTION };
    if (width !== undefined && height !== undefined) {
      const nearest = nearestFormat(width, height);
      return { ...rest, aspectRatio: nearest.aspectRatio, resolution: resolution ?? nearest.resolution };
    }
    const path = width !== undefined ? "height" : height !== undefined ? "width" : "aspectRatio";
    ctx.addIssue({ code: "custom", path: [path], message: "is required" });
    return z.NEVER;
  });

export type CreateVideoInput = z.output<typeof createVideoInput>;
