import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { decryptSetting, encryptSetting } from "@/server/settings/encryption";

export const WEBHOOK_ENCRYPTION_KEY_MISSING =
  "Outgoing webhooks need an ENCRYPTION_KEY to keep their signing secrets encrypted: set one (openssl rand -hex 32) " +
  "and restart.";

/** A fresh Standard Webhooks secret: "whsec_" and 32 random bytes in base64. */
export const newSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

/** The name each endpoint's secret is authenticated with (AES-GCM additional data): it decrypts for that endpoint only. */
const aadOf = (endpointId: string) => `webhook_endpoint:${endpointId}`;

/** Encrypted at rest the way Settings stores secrets; without ENCRYPTION_KEY nothing is saved (503, saying why). */
export function encryptSecret(endpointId: string, secret: string): string {
  if (!env.ENCRYPTION_KEY) throw new AppError("encryption_not_configured", WEBHOOK_ENCRYPTION_KEY_MISSING);
  return encryptSetting(env.ENCRYPTION_KEY, aadOf(endpointId), secret);
}

/** The endpoint's secret; throws (an attempt records why) without ENCRYPTION_KEY or when it cannot be decrypted. */
export function decryptSecret(endpointId: string, ciphertext: string): string {
  if (!env.ENCRYPTION_KEY) throw new Error(WEBHOOK_ENCRYPTION_KEY_MISSING);
  return decryptSetting(env.ENCRYPTION_KEY, aadOf(endpointId), ciphertext);
}

/** Why no endpoint can be added or rotated here (no ENCRYPTION_KEY), or null. */
export const webhookSavingDisabled = () => (env.ENCRYPTION_KEY ? null : WEBHOOK_ENCRYPTION_KEY_MISSING);
