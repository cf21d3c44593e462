import "server-only";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { throwHeygenAppError } from "@/server/heygen-app-error";
import { heygen } from "@/server/heygen-client";
import { removeCredential, saveCredential, setByEnvironment } from "./credentials";
import { requireEncryptionKey } from "./settings-store";
import { registrationProblem } from "./webhook-status";

/** The events the app applies; HeyGen sends nothing else to the endpoint. */
// A translation's events (issue 19) are "go and look" hints for its variant. An endpoint registered before them keeps its
// events (a rotation changes only the secret): reconciliation still finishes its translations.
const EVENTS = ["avatar_video.success", "avatar_video.fail", "video_translate.success", "video_translate.fail"];

/**
 * Registers APP_URL/api/heygen/callback with HeyGen for the video events and stores the signing secret, encrypted.
 * HeyGen shows a secret only when it makes an endpoint or rotates one, so a URL already registered gets its secret
 * rotated rather than a second endpoint (which would deliver every event twice). The old secret stops at once: other
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
    const secret = existing
      ? await heygen.rotateWebhookSecret(existing.endpointId)
      : (await heygen.createWebhookEndpoint(url, EVENTS)).secret;
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
