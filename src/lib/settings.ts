import type { WebhookStatus } from "./webhook-status";
import { z } from "./zod";
import type { HeygenAccount } from "./account";

/** HeyGen's keys are a few dozen characters; anything this long was pasted by mistake. */
export const API_KEY_MAX_LENGTH = 500;

/** A credential as the Settings page sees it: where it comes from and a masked form, never the value itself. */
export type CredentialView = {
  /** Where the value in use comes from; null when there is none. */
  source: "environment" | "settings" | null;
  /** "••••••••abcd": at most the last four characters. */
  masked: string | null;
  /** A value saved here that this deployment cannot decrypt (another ENCRYPTION_KEY, or none): enter it again. */
  unreadable: boolean;
  /** When it was saved here (ISO 8601). */
  savedAt: string | null;
};

export type SettingsView = {
  heygenApiKey: CredentialView;
  webhookSecret: CredentialView;
  /** Why nothing can be saved here (no ENCRYPTION_KEY); null when saving works. */
  savingDisabled: string | null;
  /** The webhook as the overview tells it too (src/lib/webhook-status.ts). */
  webhook: WebhookStatus;
};

/** Answers of the /api/admin/settings routes. */
export type SettingsAnswer = {
  settings: SettingsView;
  /** After saving a key: the account HeyGen opened with it. */
  account?: HeygenAccount;
  /** After registering the webhook: whether HeyGen made a new endpoint or gave an existing one a new secret. */
  endpoint?: { url: string; outcome: "created" | "rotated" };
};

export const apiKeyInput = z.strictObject({
  apiKey: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(API_KEY_MAX_LENGTH, `must be at most ${API_KEY_MAX_LENGTH} characters`)
    // It travels in an HTTP header: spaces, line breaks and other control characters cannot be part of a key.
    .regex(/^[\x21-\x7e]+$/, "must be the key exactly as HeyGen shows it, without spaces"),
});
