/**
 * `npm run heygen:webhook -- <public base URL> [--rotate]`
 *
 * Registers <URL>/api/heygen/callback with HeyGen (POST /v3/webhooks/endpoints) for the events the app applies
 * (WEBHOOK_EVENTS: the videos' and the translations'), and prints the signing secret to put in HEYGEN_SECRET. HeyGen
 * shows a secret only once: for a URL that is already registered, --rotate asks for a new one (the old one stops working
 * at once). An endpoint registered before some of those events existed is subscribed to them (PATCH), either way.
 * Reads HEYGEN_API_KEY (and HEYGEN_API_URL) from the environment or .env / .env.local.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { createHeygenClient, WEBHOOK_EVENTS } from "../src/server/heygen/client";
import { classifyHeygenFailure } from "../src/server/heygen/failures";

const USAGE = "Usage: npm run heygen:webhook -- <public base URL, e.g. https://videos.example.com> [--rotate]";

nextEnv.loadEnvConfig(path.resolve(import.meta.dirname, ".."), false, { info: () => {}, error: console.error });

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { rotate: { type: "boolean" } } });
  const base = positionals[0];
  if (!base || positionals.length > 1 || !URL.canParse(base) || !/^https?:$/.test(new URL(base).protocol)) {
    console.error(USAGE);
    return 2;
  }
  const apiKey = process.env.HEYGEN_API_KEY;
  if (!apiKey) {
    console.error("HEYGEN_API_KEY is not set (HeyGen → Settings → API): put it in .env.local or the environment.");
    return 2;
  }
  const url = new URL("/api/heygen/callback", base).href;
  if (!url.startsWith("https:")) console.warn(`Note: ${url} is not https; HeyGen may refuse it.`);

  const heygen = createHeygenClient({
    apiUrl: process.env.HEYGEN_API_URL || "https://api.heygen.com",
    apiKey,
    timeoutMs: 30_000,
  });
  const existing = (await heygen.listWebhookEndpoints()).find((endpoint) => endpoint.url === url);
  let secret: string | null;
  const added = existing ? await heygen.subscribeToAppEvents(existing) : [];
  if (added.length > 0)
    console.log(`Subscribed ${url} to ${added.join(", ")} as well (endpoint ${existing!.endpointId}).`);
  if (existing && !values.rotate) {
    console.error(`${url} is already registered (endpoint ${existing.endpointId}). HeyGen shows a secret only once:`);
    console.error("run again with --rotate to get a new one (the old secret stops working at once).");
    return 1;
  } else if (existing) {
    secret = await heygen.rotateWebhookSecret(existing.endpointId);
    console.log(`Rotated the secret of ${url} (endpoint ${existing.endpointId}).`);
  } else {
    const created = await heygen.createWebhookEndpoint(url, [...WEBHOOK_EVENTS]);
    secret = created.secret;
    console.log(`Registered ${url} for ${WEBHOOK_EVENTS.join(", ")} (endpoint ${created.endpointId}).`);
  }
  if (!secret) {
    console.error("HeyGen did not return a secret; rotate it with --rotate.");
    return 1;
  }
  console.log(`\nPut this in the app's environment (it signs every delivery):\n\n  HEYGEN_SECRET=${secret}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const failure = classifyHeygenFailure(error);
    console.error(failure ? `HeyGen: ${failure.message}` : error);
    process.exit(1);
  },
);
