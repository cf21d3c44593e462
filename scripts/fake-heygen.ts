// `npm run fake-heygen [-- --port 4010 --host 127.0.0.1 --api-key KEY --render-ms 5000
//                         --endpoint http://localhost:3000/api/heygen/webhook --secret whsec_... --scheme v3|legacy]`
// Flags win over env (FAKE_HEYGEN_PORT, FAKE_HEYGEN_HOST, HEYGEN_API_KEY, FAKE_HEYGEN_RENDER_MS,
// FAKE_HEYGEN_ENDPOINT, HEYGEN_WEBHOOK_SECRET or HEYGEN_SECRET). `--endpoint` pre-registers a webhook endpoint without the OPTIONS
// probe, since the app is usually not listening yet; without `--secret` a random one is made and printed.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { FAKE_MARKERS, type WebhookScheme } from "../src/mocks/heygen/fake-heygen";
import { startFakeHeygenServer } from "../src/mocks/heygen/http-server";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "api-key": { type: "string" },
    "render-ms": { type: "string" },
    endpoint: { type: "string" },
    secret: { type: "string" },
    scheme: { type: "string" },
  },
});

function fail(message: string): never {
  console.error(`fake-heygen: ${message}`);
  process.exit(2);
}

function toInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) fail(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

const env = process.env;
const endpointUrl = values.endpoint ?? env.FAKE_HEYGEN_ENDPOINT;
const secret = values.secret ?? env.HEYGEN_WEBHOOK_SECRET ?? env.HEYGEN_SECRET;
const scheme = (values.scheme ?? "v3") as WebhookScheme;
if (values.secret && !endpointUrl) fail("--secret signs the deliveries of --endpoint: give --endpoint too");
if (!["v3", "legacy"].includes(scheme)) fail(`--scheme must be v3 or legacy, got "${scheme}"`);
const endpoint = endpointUrl
  ? { url: endpointUrl, secret: secret ?? `whsec_${randomBytes(24).toString("base64url")}`, scheme }
  : null;

const server = await startFakeHeygenServer({
  port: toInteger("port", values.port ?? env.FAKE_HEYGEN_PORT ?? "4010"),
  host: values.host ?? env.FAKE_HEYGEN_HOST ?? "127.0.0.1",
  apiKey: values["api-key"] ?? env.HEYGEN_API_KEY ?? "fake-heygen-api-key",
  renderMs: toInteger("render-ms", values["render-ms"] ?? env.FAKE_HEYGEN_RENDER_MS ?? "5000"),
  endpoints: endpoint ? [endpoint] : [],
  log: (line) => console.log(`[fake-heygen] ${line}`),
});

console.log(`Fake HeyGen (v3 API) listening on ${server.url}: set HEYGEN_API_URL=${server.url}`);
if (endpoint) console.log(`Webhook endpoint ${endpoint.url} (${endpoint.scheme}), signing secret ${endpoint.secret}`);
else
  console.log(
    "No webhook endpoint registered: pass --endpoint <url>, or register one with POST /v3/webhooks/endpoints",
  );
console.log(`Script markers: ${Object.values(FAKE_MARKERS).join(" ")}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
