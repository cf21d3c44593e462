import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { getResponse, type RequestHandler } from "msw";
import { createFakeHeygen, type FakeHeygen, type FakeHeygenOptions } from "./fake-heygen";

export type FakeHeygenServerOptions = Omit<FakeHeygenOptions, "baseUrl"> & {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
};

export type FakeHeygenServer = {
  /** Origin of the fake API, e.g. "http://127.0.0.1:4010": use it as HEYGEN_API_URL. */
  url: string;
  /** The fake behind the server: inspect `jobs`, `events`, `deliveries`, or `reset()` between tests. */
  fake: FakeHeygen;
  /** Puts one-off handlers in front of the fake's, like MSW's `server.use` (match them on `url`). */
  use(...handlers: RequestHandler[]): void;
  /** Drops the handlers added by `use`; with arguments, these become the base instead of the fake's handlers. */
  resetHandlers(...next: RequestHandler[]): void;
  close(): Promise<void>;
};

async function toFetchRequest(incoming: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
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
  return new Request(new URL(incoming.url ?? "/", origin), { method, headers, body, signal });
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

const sendError = (outgoing: ServerResponse, status: number, code: string, message: string) => {
  outgoing.writeHead(status, { "content-type": "application/json" });
  outgoing.end(JSON.stringify({ error: { code, message, param: null, doc_url: null } }));
};

const urlHost = (host: string) => {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
};

/** Serves the msw fake HeyGen over real HTTP, for `npm run dev` and browser tests. */
export async function startFakeHeygenServer(options: FakeHeygenServerOptions): Promise<FakeHeygenServer> {
  const { port = 0, host = "127.0.0.1", ...fakeOptions } = options;
  const log = options.log ?? (() => {});
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const origin = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;
  const fake = createFakeHeygen({ ...fakeOptions, baseUrl: origin });
  let baseHandlers: RequestHandler[] = fake.handlers;
  let overrides: RequestHandler[] = [];

  // Attached only now that the handlers know their origin; no request can be read before this line runs.
  server.on("request", async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    // Tells a waiting handler (the `[hang]` marker) that the client went away.
    const disconnected = new AbortController();
    outgoing.on("close", () => {
      if (!outgoing.writableFinished) disconnected.abort();
    });
    try {
      const request = await toFetchRequest(incoming, origin, disconnected.signal);
      const response = await getResponse([...overrides, ...baseHandlers], request, { quiet: true });
      if (outgoing.destroyed) return;
      // A real server: unknown paths get HeyGen's 404 envelope (in-process, MSW's onUnhandledRequest decides).
      if (!response) return sendError(outgoing, 404, "not_found", `No route for ${request.method} ${incoming.url}`);
      await sendFetchResponse(response, outgoing, request.method);
    } catch (error) {
      if (outgoing.destroyed) return;
      log(`fake HeyGen: ${incoming.method} ${incoming.url} failed: ${String(error)}`);
      if (!outgoing.headersSent) sendError(outgoing, 500, "internal_error", "Fake HeyGen failed");
      else outgoing.destroy();
    }
  });

  return {
    url: origin,
    fake,
    use(...handlers) {
      overrides = [...handlers, ...overrides];
    },
    resetHandlers(...next) {
      overrides = [];
      if (next.length) baseHandlers = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        fake.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
