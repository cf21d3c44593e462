import "server-only";
import { createHash } from "node:crypto";

/**
 * A short fingerprint of what the plan page read (its scripts, targets and matrix). It changes whenever an add, an
 * edit, a delete or an import changes the plan, and the page's refresh hands it to the client, which then asks again
 * for what it derived from the plan (the "Generate what is missing" preview) instead of keeping its cached answer.
 */
export const planRevision = (...read: unknown[]) =>
  createHash("sha256").update(JSON.stringify(read)).digest("base64url").slice(0, 16);
