import { expect } from "vitest";
import { GET as getSettings } from "@/app/api/admin/settings/route";
import { DELETE as removeKey, PUT as saveKey } from "@/app/api/admin/settings/heygen-api-key/route";
import { POST as registerWebhook } from "@/app/api/admin/settings/webhook-endpoint/route";
import { DELETE as removeSecret } from "@/app/api/admin/settings/webhook-secret/route";
import type { SettingsAnswer } from "@/lib/settings";
import { getRequest, jsonRequest } from "../support/requests";

/** Helpers of the settings*.test.ts files: each file sets its own environment first (vi.hoisted) and imports these after. */

export type Answer = {
  status: number;
  body: Partial<SettingsAnswer> & { error?: { code: string; message: string; field?: string } };
  /** The answer as sent, to search for secrets. */
  text: string;
};

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text };
}

/** The settings routes, called as an admin with `cookie` (or as anyone without). */
export const settingsApi = (cookie?: string) => ({
  get: async () => answer(await getSettings(getRequest("/api/admin/settings", cookie))),
  saveKey: async (apiKey: unknown) =>
    answer(await saveKey(jsonRequest("/api/admin/settings/heygen-api-key", { apiKey }, { cookie, method: "PUT" }))),
  removeKey: async () =>
    answer(await removeKey(jsonRequest("/api/admin/settings/heygen-api-key", {}, { cookie, method: "DELETE" }))),
  registerWebhook: async () =>
    answer(await registerWebhook(jsonRequest("/api/admin/settings/webhook-endpoint", {}, { cookie }))),
  removeSecret: async () =>
    answer(await removeSecret(jsonRequest("/api/admin/settings/webhook-secret", {}, { cookie, method: "DELETE" }))),
});

/** No answer carries a secret: neither the value nor any of its usual encodings. */
export function expectNoSecret(text: string, ...secrets: string[]) {
  for (const secret of secrets) {
    for (const encoding of ["utf8", "base64", "base64url", "hex"] as const) {
      expect(text).not.toContain(Buffer.from(secret).toString(encoding));
    }
  }
}

/** "••••••••" and the last four characters, nothing more. */
export const masked = (secret: string) => `••••••••${secret.slice(-4)}`;
