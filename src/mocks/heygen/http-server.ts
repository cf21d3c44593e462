import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { getResponse } from "msw";
import { createFakeHeygen, type FakeHeygen } from "./fake-heygen";

export type FakeHeygenServerOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  apiKey: string;
  webhookSecret: string;
  renderMs?: number;
  log?: (line: string) => void;
};

export type FakeHeygenServer = {
  /** Origin of the fake API, e.g. "http://127.0.0.1:4010": use it as HEYGEN_API_URL. */
  url: string;
  /** The fake behind the server: inspect `jobs`, or `reset()` between tests. */
  fake: FakeHeygen;
  close(): Promise<void>;
};

async function toFetchRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) {
    headers.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
  }
  const method = incoming.method ?? "GET";
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== "GET" && method !== "HEAD") {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    body = chunks.length ? new Uint8Array(Buffer.concat(chunks)) : undefined;
  }
  // The handlers match on the server's own origin, whatever Host the client used (localhost, 127.0.0.1, ...).
  return new Request(new URL(incoming.url ?? "/", origin), { method, headers, body });
}

async function sendFetchResponse(response: Response, outgoing: ServerResponse, method: string) {
  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => outgoing.setHeader(name, value));
  if (!response.body || method === "HEAD") {
    outgoing.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), outgoing);
}

const sendJson = (outgoing: ServerResponse, status: number, code: string, message: string) => {
  outgoing.writeHead(status, { "content-type": "application/json" });
  outgoing.end(JSON.stringify({ data: null, error: { code, message } }));
};

const urlHost = (host: string) => {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
};

/** Serves the msw fake HeyGen over real HTTP, for `npm run dev` and end-to-end tests. */
export async function startFakeHeygenServer(options: FakeHeygenServerOptions): Promise<FakeHeygenServer> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => {});
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const origin = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;
  const fake = createFakeHeygen({
    baseUrl: origin,
    apiKey: options.apiKey,
    webhookSecret: options.webhookSecret,
    renderMs: options.renderMs,
    log,
  });

  // Attached only now that the handlers know their origin; no request can be read before this line runs.
  server.on("request", async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    try {
      const request = await toFetchRequest(incoming, origin);
      const response = await getResponse(fake.handlers, request, { quiet: true });
      if (!response) return sendJson(outgoing, 404, "not_found", `No route for ${request.method} ${incoming.url}`);
      await sendFetchResponse(response, outgoing, request.method);
    } catch (error) {
      log(`fake HeyGen: ${incoming.method} ${incoming.url} failed: ${String(error)}`);
      if (!outgoing.headersSent) sendJson(outgoing, 500, "internal_error", "Fake HeyGen failed");
      else outgoing.destroy();
    }
  });

  return {
    url: origin,
    fake,
    close: () =>
      new Promise<void>((resolve, reject) => {
        fake.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
