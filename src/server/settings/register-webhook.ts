import "server-only";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { throwHeygenAppError } from "@/server/heygen-app-error";
import { heygen } from "@/server/heygen-client";
import { WEBHOOK_EVENTS } from "@/server/heygen/client";
import { removeCredential, saveCredential, setByEnvironment } from "./credentials";
import { requireEncryptionKey } from "./settings-store";
import { registrationProblem } from "./webhook-status";

/**
 * Registers APP_URL/api/heygen/callback with HeyGen for the video events and stores the signing secret, encrypted.
 * HeyGen shows a secret only when it makes an endpoint or rotates one, so a URL already registered gets its secret
 * rotated rather than a second endpoint (which would deliver every event twice), and subscribed to any of the app's
 * events it lacks (one registered before translations existed gains theirs). The old secret stops at once: other
 * instances read the new one on their next mismatch (src/server/webhooks/receive-delivery.ts).
 */
export async function registerWebhook(): Promise<{ url: string; outcome: "created" | "rotated" }> {
  if (env.HEYGEN_SECRET) throw setByEnvironment("HEYGEN_SECRET");
  const problem = registrationProblem();
  if (problem || !env.APP_URL) throw new AppError("webhook_url_not_public", problem ?? "APP_URL is not set.");
  const url = new URL("/api/heygen/callback", env.APP_URL).href;
  // Checked before HeyGen is asked: a rotated secret that cannot be stored would be lost.
  requireEncryptionKey();
  try {
    const existing = (await heygen.listWebhookEndpoints()).find((endpoint) => endpoint.url === url);
    if (existing) await heygen.subscribeToAppEvents(existing);
    const secret = existing
      ? await heygen.rotateWebhookSecret(existing.endpointId)
      : (await heygen.createWebhookEndpoint(url, [...WEBHOOK_EVENTS])).secret;
    if (!secret)
      throw new AppError(
        "heygen_unavailable",
        "HeyGen registered the endpoint but sent no signing secret: register again.",
      );
    await saveCredential("heygen_webhook_secret", secret);
    return { url, outcome: existing ? "rotated" : "created" };
  } catch (error) {
    throwHeygenAppError(error, { action: `register ${url}` });
  }
}

/** Forgets the saved secret: signed deliveries are then refused (503) until a secret is configured again. */
export async function removeWebhookSecret(): Promise<void> {
  await removeCredential("heygen_webhook_secret");
}
