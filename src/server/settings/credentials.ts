import "server-only";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { processWide } from "@/server/process-wide";
import { deleteSetting, readSetting, writeSetting, type SettingName } from "./settings-store";

/** Where a credential comes from: the environment wins over what an admin saved in Settings. */
export type CredentialSource = "environment" | "settings";
export type Credential = { value: string; source: CredentialSource } | null;

/**
 * How long a value saved in Settings is kept decrypted in this process. A save or removal drops it here at once;
 * other instances sharing the database see the change within this time.
 */
export const SAVED_CREDENTIAL_TTL_MS = 30_000;

/** Per process (process-wide.ts), so that a save in one bundle drops the value every bundle serves. */
const savedCache = () =>
  processWide("savedCredentials", () => new Map<SettingName, { at: number; value: Promise<string | null> }>());

/** The saved value, decrypted, from this process's cache when fresh; one read in flight per setting. */
function savedValue(name: SettingName, { fresh = false } = {}): Promise<string | null> {
  const cache = savedCache();
  const cached = cache.get(name);
  if (cached && !fresh && Date.now() - cached.at < SAVED_CREDENTIAL_TTL_MS) return cached.value;
  const value = readSetting(name).then((stored) => (stored.state === "saved" ? stored.value : null));
  cache.set(name, { at: Date.now(), value });
  // A failed read (database down) is not remembered: the next caller tries again.
  value.catch(() => {
    if (cache.get(name)?.value === value) cache.delete(name);
  });
  return value;
}

async function credential(
  fromEnvironment: string | undefined,
  name: SettingName,
  options?: { fresh?: boolean },
): Promise<Credential> {
  if (fromEnvironment) return { value: fromEnvironment, source: "environment" };
  const saved = await savedValue(name, options);
  return saved ? { value: saved, source: "settings" } : null;
}

/** The HeyGen API key: HEYGEN_API_KEY, else the one saved in Settings, else null. */
export function heygenApiKey(): Promise<Credential> {
  return credential(env.HEYGEN_API_KEY, "heygen_api_key");
}

/**
 * The webhook signing secret: HEYGEN_SECRET, else the one saved in Settings, else null (the webhook then refuses
 * every signed event). `fresh` skips the cache: after a signature mismatch, another instance may have just
 * registered a new secret.
 */
export function webhookSecret(options?: { fresh?: boolean }): Promise<Credential> {
  return credential(env.HEYGEN_SECRET, "heygen_webhook_secret", options);
}

export async function saveCredential(name: SettingName, value: string): Promise<void> {
  await writeSetting(name, value);
  savedCache().delete(name);
}

export async function removeCredential(name: SettingName): Promise<void> {
  await deleteSetting(name);
  savedCache().delete(name);
}

/** A setting the environment provides wins, so saving one in Settings would change nothing. */
export const setByEnvironment = (variable: string) =>
  new AppError(
    "setting_from_environment",
    `${variable} is set in this deployment's environment, which wins over Settings: change it there.`,
  );

export const heygenNotConfigured = () => new AppError("heygen_not_configured", "Add your HeyGen API key in Settings.");

/** Once per process, not per bundle: whether the log has said that there is no key. */
const noKeyNotice = () => processWide("noHeygenKeyNotice", () => ({ told: false }));

/** For background work (timer, catch-up, render details): false without a key, said once in the log rather than per run. */
export async function heygenConfigured(): Promise<boolean> {
  const configured = (await heygenApiKey()) !== null;
  const notice = noKeyNotice();
  if (!configured && !notice.told)
    logger.info("no HeyGen API key yet (add one in Settings): background HeyGen checks wait for it");
  notice.told = !configured;
  return configured;
}
