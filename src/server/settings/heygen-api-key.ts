import "server-only";
import { describeHeygenAccount, type HeygenAccount } from "@/lib/account";
import { env } from "@/server/env";
import { throwHeygenAppError } from "@/server/heygen-app-error";
import { heygen } from "@/server/heygen-client";
import { removeCredential, saveCredential, setByEnvironment } from "./credentials";
import { requireEncryptionKey } from "./settings-store";

/**
 * Saves a HeyGen API key once HeyGen has accepted it (GET /v3/users/me with it): a refused key answers 400 naming
 * `apiKey`, an unreachable HeyGen 503, and neither saves anything. The next HeyGen call uses it, no restart needed.
 */
export async function saveHeygenApiKey(apiKey: string): Promise<HeygenAccount> {
  if (env.HEYGEN_API_KEY) throw setByEnvironment("HEYGEN_API_KEY");
  requireEncryptionKey();
  const figures = await heygen.checkApiKey(apiKey).catch((error: unknown) =>
    throwHeygenAppError(error, {
      action: "test the key",
      aftermath: "The key was not saved.",
      // GET /v3/users/me takes nothing but the key: any refusal but a busy HeyGen (401 in practice) is about the key.
      refusalBlames: {
        field: "apiKey",
        message: "HeyGen refused this key: copy it again from HeyGen → Settings → API.",
      },
    }),
  );
  await saveCredential("heygen_api_key", apiKey);
  return describeHeygenAccount(figures);
}

export async function removeHeygenApiKey(): Promise<void> {
  await removeCredential("heygen_api_key");
}
