import "server-only";
import { describeHeygenAccount, type HeygenAccount } from "@/lib/account";
import type { AccountReport } from "@/lib/overview";
import { classifyHeygenFailure } from "@/server/heygen/failures";
import { heygen } from "@/server/heygen-client";
import { logger } from "@/server/logger";
import { processWide } from "@/server/process-wide";
import { heygenApiKey } from "@/server/settings/credentials";

/** A balance a minute old is good enough for a dashboard, and reloading it then costs HeyGen nothing. */
export const ACCOUNT_TTL_MS = 60_000;

type AccountCache = {
  cached: { apiKey: string; at: number; account: HeygenAccount } | null;
  loading: Promise<AccountReport> | null;
};
/** Per process (process-wide.ts): the overview page and its route are bundled apart. */
const accountCache = () => processWide<AccountCache>("heygenAccount", () => ({ cached: null, loading: null }));

/**
 * The HeyGen account (GET /v3/users/me), cached per process for ACCOUNT_TTL_MS and per API key; concurrent page
 * loads share one call. A failure is not cached (the next load tries again) and is reported, never thrown.
 */
export async function heygenAccount(): Promise<AccountReport> {
  const apiKey = (await heygenApiKey())?.value;
  if (!apiKey) return { account: null, problem: "No HeyGen API key is configured: add one in Settings." };
  const cache = accountCache();
  if (cache.cached?.apiKey === apiKey && Date.now() - cache.cached.at < ACCOUNT_TTL_MS)
    return { account: cache.cached.account, problem: null };
  cache.loading ??= load(cache, apiKey).finally(() => (cache.loading = null));
  return cache.loading;
}

async function load(cache: AccountCache, apiKey: string): Promise<AccountReport> {
  try {
    const account = describeHeygenAccount(await heygen.getAccount());
    cache.cached = { apiKey, at: Date.now(), account };
    return { account, problem: null };
  } catch (error) {
    const reason = classifyHeygenFailure(error)?.message ?? "unexpected error";
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "HeyGen account unavailable");
    return { account: null, problem: `HeyGen's account could not be read: ${reason}` };
  }
}
