import "server-only";
import { env } from "@/server/env";

/** Where a credential comes from: the environment wins over what an admin saved in Settings. */
export type CredentialSource = "environment" | "settings";
export type Credential = { value: string; source: CredentialSource } | null;

// Interface for the studio's settings (issue 8): the settings store fills the "settings" source.

/** The HeyGen API key, or null when none is configured anywhere. */
export async function heygenApiKey(): Promise<Credential> {
  return env.HEYGEN_API_KEY ? { value: env.HEYGEN_API_KEY, source: "environment" } : null;
}

/** The webhook signing secret, or null (the webhook then refuses every event). */
export async function webhookSecret(): Promise<Credential> {
  return env.HEYGEN_SECRET ? { value: env.HEYGEN_SECRET, source: "environment" } : null;
}
