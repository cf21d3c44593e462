import { z } from "zod";

// These schemas also run in the browser, where the CSP forbids eval: without this, zod probes for its compiled fast
// path with `Function("")`, which Chromium reports as a CSP violation (zod then falls back anyway). Every schema in
// src/lib imports z from here, so the setting is in place before the first schema is built.
z.config({ jitless: true });

export { z };
