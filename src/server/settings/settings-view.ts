import "server-only";
import type { CredentialView, SettingsView } from "@/lib/settings";
import { webhookStatus } from "@/lib/webhook-status";
import { env } from "@/server/env";
import { ENCRYPTION_KEY_MISSING, readSetting, type SettingName } from "./settings-store";
import { webhookFacts } from "./webhook-status";

/** Dots and at most the last four characters (none of a short value): enough to tell two keys apart, no more. */
export function mask(value: string): string {
  return `••••••••${value.length >= 12 ? value.slice(-4) : ""}`;
}

/** What the Settings page shows: each credential's source and masked value, and what can be done here. */
export async function settingsView(): Promise<SettingsView> {
  const [heygenApiKey, webhookSecret, facts] = await Promise.all([
    credentialView(env.HEYGEN_API_KEY, "heygen_api_key"),
    credentialView(env.HEYGEN_SECRET, "heygen_webhook_secret"),
    webhookFacts(),
  ]);
  return {
    heygenApiKey,
    webhookSecret,
    savingDisabled: env.ENCRYPTION_KEY ? null : ENCRYPTION_KEY_MISSING,
    webhook: webhookStatus(facts),
  };
}

async function credentialView(fromEnvironment: string | undefined, name: SettingName): Promise<CredentialView> {
  if (fromEnvironment)
    return { source: "environment", masked: mask(fromEnvironment), unreadable: false, savedAt: null };
  // Read afresh, not from the credentials cache: the page shows what is stored now.
  const stored = await readSetting(name);
  if (stored.state === "absent") return { source: null, masked: null, unreadable: false, savedAt: null };
  const savedAt = stored.updatedAt.toISOString();
  if (stored.state === "unreadable") return { source: null, masked: null, unreadable: true, savedAt };
  return { source: "settings", masked: mask(stored.value), unreadable: false, savedAt };
}
