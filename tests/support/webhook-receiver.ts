import http from "node:http";
import type { AddressInfo } from "node:net";
import { http as mswHttp, passthrough } from "msw";
import { Webhook } from "standardwebhooks";

/** One request the receiver got, as sent. */
export type ReceivedRequest = { headers: Record<string, string>; body: string; at: Date };

/** A delivery that checked out with the endpoint's secret: its webhook-id and parsed body. */
export type VerifiedMessage = {
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
};

/** How the receiver answers its n-th request (0-based): a status, or "hang" (never answers until closed). */
export type Answer = (request: number, received: ReceivedRequest) => number | "hang";

/**
 * A real HTTP receiver of outgoing webhooks on a local port, for integration and browser tests: it records every
 * request and verifies them with `standardwebhooks`' own `Webhook.verify`, as a receiver in the wild would.
 */
export async function startWebhookReceiver(answer: Answer = () => 204) {
  const requests: ReceivedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const received: ReceivedRequest = {
        headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)])),
        body: Buffer.concat(chunks).toString("utf8"),
        at: new Date(),
      };
      const status = answer(requests.length, received);
      requests.push(received);
      if (status === "hang") {
        hanging.add(response);
        return;
      }
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `refused with ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/hook`;

  return {
    url,
    requests,
    /** Lets the app's requests through MSW in integration tests (MSW fails any request it has no handler for). */
    passthrough: mswHttp.all(`http://127.0.0.1:${port}/*`, () => passthrough()),
    /** Every request verified with `secret` (one that does not verify throws), in the order received. */
    verified(secret: string): VerifiedMessage[] {
      const webhook = new Webhook(secret);
      return requests.map(({ headers, body }) => {
        const payload = webhook.verify(body, headers) as Omit<VerifiedMessage, "id">;
        return { id: headers["webhook-id"]!, ...payload };
      });
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
