import * as z from "./zod-strings";

// These schemas also run in the browser, where the CSP forbids eval: without this, zod probes for its compiled fast
// path with `Function("")`, which Chromium reports as a CSP violation (zod then falls back anyway). Every schema in
// src/lib imports z from here, so the setting is in place before the first schema is built.
z.config({ jitless: true });

/**
 * The app's zod: every `z.string()` refuses control characters other than tab, LF and CR (lib/zod-strings), so every
 * text field of every request is checked once, here. Server schemas import it too; only env.ts and the HeyGen SDK
 * (answers from HeyGen, not requests) use zod itself.
 */
export { z };
