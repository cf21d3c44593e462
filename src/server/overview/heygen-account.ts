import "server-only";
import { describeHeygenAccount, type HeygenAccount } from "@/lib/account";
import type { AccountReport } from "@/lib/overview";
import { classifyHeygenFailure } from "@/server/heygen/failures";
import { heygen } from "@/server/heygen-client";
import { logger } from "@/server/logger";
import { heygenApiKey } from "@/server/settings/credentials";

/** A balance a minute old is good enough for a dashboard, and reloading it then costs HeyGen nothing. */
export const ACCOUNT_TTL_MS = 60_000;

let cached: { apiKey: string; at: number; account: HeygenAccount } | null = null;
let loading: Promise<AccountReport> | null = null;

/**
 * The HeyGen account (GET /v3/users/me), cached per process for ACCOUNT_TTL_MS and per API key; concurrent page
 * loads share one call. A failure is not cached (the next load tries again) and is reported, never thrown.
 */
export async function heygenAccount(): Promise<AccountReport> {
  const apiKey = (await heygenApiKey())?.value;
  if (!apiKey) return { account: null, problem: "No HeyGen API key is configured: add one in Settings." };
  if (cached?.apiKey === apiKey && Date.now() - cached.at < ACCOUNT_TTL_MS)
    return { account: cached.account, problem: null };
  loading ??= load(apiKey).finally(() => (loading = null));
  return loading;
}

async function load(apiKey: string): Promise<AccountReport> {
  try {
    const account = describeHeygenAccount(await heygen.getAccount());
    cached = { apiKey, at: Date.now(), account };
    return { account, problem: null };
  } catch (error) {
    const reason = classifyHeygenFailure(error)?.message ?? "unexpected error";
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "HeyGen account unavailable");
    return { account: null, problem: `HeyGen's account could not be read: ${reason}` };
  }
}
