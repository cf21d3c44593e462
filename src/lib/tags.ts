import { TAG_MAX_LENGTH } from "./limits";
import { z } from "./zod";

/** A tag: lower-case letters, digits and inner hyphens ("morning-news"), compared as written. */
export const TAG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export const tag = z
  .string({ error: "must be a string" })
  .trim()
  .toLowerCase()
  .min(1, "must not be empty")
  .max(TAG_MAX_LENGTH, `must be at most ${TAG_MAX_LENGTH} characters`)
  .regex(TAG_PATTERN, "must be lower-case letters, digits and hyphens, such as morning-news");
