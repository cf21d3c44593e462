import "server-only";
import { describeHeygenAccount, type HeygenAccount } from "@/lib/account";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { heygen } from "@/server/heygen-client";
import { HeygenError } from "@/server/heygen/failures";
import { removeCredential, saveCredential, setByEnvironment } from "./credentials";
import { requireEncryptionKey } from "./settings-store";

/**
 * Saves a HeyGen API key once HeyGen has accepted it (GET /v3/users/me with it): a refused key answers 400 naming
 * `apiKey`, an unreachable HeyGen 503, and neither saves anything. The next HeyGen call uses it, no restart needed.
 */
export async function saveHeygenApiKey(apiKey: string): Promise<HeygenAccount> {
  if (env.HEYGEN_API_KEY) throw setByEnvironment("HEYGEN_API_KEY");
  requireEncryptionKey();
  let account: HeygenAccount;
  try {
    account = describeHeygenAccount(await heygen.checkApiKey(apiKey));
  } catch (error) {
    throw error instanceof HeygenError ? keyCheckFailure(error) : error;
  }
  await saveCredential("heygen_api_key", apiKey);
  return account;
}

export async function removeHeygenApiKey(): Promise<void> {
  await removeCredential("heygen_api_key");
}

function keyCheckFailure(error: HeygenError): AppError {
  if (error.status === 429) {
    return new AppError(
      "heygen_rate_limited",
      "HeyGen is busy and could not test the key; nothing was saved. Try again in a minute.",
      {
        retryAfterSeconds: error.retryAfterSeconds,
      },
    );
  }
  // GET /v3/users/me takes nothing but the key: any other refusal (401 in practice) is about the key.
  if (error.rejected) {
    return new AppError("invalid_input", "HeyGen refused this key: copy it again from HeyGen → Settings → API.", {
      field: "apiKey",
    });
  }
  return new AppError(
    "heygen_unavailable",
    "HeyGen could not be reached to test the key, so it was not saved. Try again in a minute.",
  );
}
