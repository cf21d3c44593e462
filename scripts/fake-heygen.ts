// `npm run fake-heygen [-- --port 4010 --host 127.0.0.1 --api-key KEY --secret SECRET --render-ms 5000]`
// Flags win over env (FAKE_HEYGEN_PORT, FAKE_HEYGEN_HOST, HEYGEN_API_KEY, HEYGEN_SECRET, FAKE_HEYGEN_RENDER_MS).
import { parseArgs } from "node:util";
import { startFakeHeygenServer } from "../src/mocks/heygen/http-server";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "api-key": { type: "string" },
    secret: { type: "string" },
    "render-ms": { type: "string" },
  },
});

function toInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`fake-heygen: ${name} must be a non-negative integer, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const env = process.env;
const server = await startFakeHeygenServer({
  port: toInteger("port", values.port ?? env.FAKE_HEYGEN_PORT ?? "4010"),
  host: values.host ?? env.FAKE_HEYGEN_HOST ?? "127.0.0.1",
  apiKey: values["api-key"] ?? env.HEYGEN_API_KEY ?? "fake-heygen-api-key",
  webhookSecret: values.secret ?? env.HEYGEN_SECRET ?? "fake-heygen-webhook-secret",
  renderMs: toInteger("render-ms", values["render-ms"] ?? env.FAKE_HEYGEN_RENDER_MS ?? "5000"),
  log: (line) => console.log(`[fake-heygen] ${line}`),
});

console.log(`Fake HeyGen listening on ${server.url} (set HEYGEN_API_URL=${server.url})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
