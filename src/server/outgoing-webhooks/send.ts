import "server-only";
import http from "node:http";
import https from "node:https";
import ipaddr from "ipaddr.js";
import { Webhook } from "standardwebhooks";
import { WEBHOOK_RESPONSE_EXCERPT_LENGTH } from "@/lib/limits";
import { ForbiddenAddressError, guardedLookup, hostOf, isForbiddenAddress } from "./address-guard";

export type SendOutcome = {
  durationMs: number;
  /** The receiver's HTTP status; null when there was no answer. */
  status: number | null;
  body: string | null;
  /** Why there was no answer (timeout, refused address, connection error). */
  error: string | null;
};

type Signed = { url: string; secret: string; messageId: string; body: string; timeoutMs: number };

/**
 * POSTs one message, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature, from the
 * `standardwebhooks` package), to an address the SSRF rule allows (checked against the address connected to). Never
 * throws: whatever happens is the outcome. The whole exchange, answer included, ends within `timeoutMs`; redirects
 * are not followed (a 3xx is a failed attempt).
 */
export async function sendSigned({ url, secret, messageId, body, timeoutMs }: Signed): Promise<SendOutcome> {
  const started = performance.now();
  const done = (outcome: Omit<SendOutcome, "durationMs">) => ({
    ...outcome,
    durationMs: Math.round(performance.now() - started),
  });
  try {
    const target = new URL(url);
    const host = hostOf(target);
    // node:http connects to an IP literal without a lookup: judge it here.
    if (ipaddr.isValid(host) && isForbiddenAddress(host)) throw new ForbiddenAddressError(host, host);
    const timestamp = new Date();
    const headers = {
      "content-type": "application/json",
      "user-agent": "AvatarStudio-Webhooks/1",
      "webhook-id": messageId,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(messageId, timestamp, body),
    };
    const answer = await post(target, headers, body, timeoutMs);
    return done({ ...answer, error: null });
  } catch (error) {
    return done({ status: null, body: null, error: (error as Error).message || String(error) });
  }
}

function post(
  target: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: guardedLookup,
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        // Only the start of the answer is kept; the rest is drained, not stored.
        let excerpt = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (excerpt.length < WEBHOOK_RESPONSE_EXCERPT_LENGTH) excerpt += chunk;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: excerpt.slice(0, WEBHOOK_RESPONSE_EXCERPT_LENGTH) }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", (error) =>
      reject(error.name === "AbortError" ? new Error(`No answer within ${timeoutMs} ms (timed out).`) : error),
    );
    request.end(body);
  });
}
