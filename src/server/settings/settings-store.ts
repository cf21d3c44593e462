import "server-only";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { decryptSetting, encryptSetting, UnreadableSettingError } from "./encryption";

/** What admins can save in Settings (the AppSetting rows' names). */
export type SettingName = "heygen_api_key" | "heygen_webhook_secret";

export type StoredSetting =
  | { state: "absent" }
  | { state: "saved"; value: string; updatedAt: Date }
  /** Saved, but not readable: encrypted with another ENCRYPTION_KEY (or none is set now), or altered. */
  | { state: "unreadable"; updatedAt: Date };

export const ENCRYPTION_KEY_MISSING =
  "Saving is disabled: this deployment has no ENCRYPTION_KEY to encrypt secrets with. Set one (openssl rand -hex 32) " +
  "and restart, or set HEYGEN_API_KEY and HEYGEN_SECRET in the environment instead.";

/** Secrets stored encrypted at rest (AES-256-GCM with ENCRYPTION_KEY); they never leave the server. */
export async function readSetting(name: SettingName): Promise<StoredSetting> {
  const row = await db.appSetting.findUnique({ where: { name } });
  if (!row) return { state: "absent" };
  if (!env.ENCRYPTION_KEY) return { state: "unreadable", updatedAt: row.updatedAt };
  try {
    return {
      state: "saved",
      value: decryptSetting(env.ENCRYPTION_KEY, name, row.ciphertext),
      updatedAt: row.updatedAt,
    };
  } catch (error) {
    if (!(error instanceof UnreadableSettingError)) throw error;
    // Read as absent, never a 500: the admin enters it again (Settings says why).
    logger.warn(
      { setting: name },
      "a saved setting cannot be decrypted (saved with another ENCRYPTION_KEY?): enter it again in Settings",
    );
    return { state: "unreadable", updatedAt: row.updatedAt };
  }
}

export async function writeSetting(name: SettingName, value: string): Promise<void> {
  const ciphertext = encryptSetting(requireEncryptionKey(), name, value);
  await db.appSetting.upsert({ where: { name }, create: { name, ciphertext }, update: { ciphertext } });
}

export async function deleteSetting(name: SettingName): Promise<void> {
  await db.appSetting.deleteMany({ where: { name } });
}

/** Thrown before anything else is done (no HeyGen call): nothing can be saved without a key. */
export function requireEncryptionKey(): Buffer {
  if (!env.ENCRYPTION_KEY) throw new AppError("encryption_not_configured", ENCRYPTION_KEY_MISSING);
  return env.ENCRYPTION_KEY;
}
