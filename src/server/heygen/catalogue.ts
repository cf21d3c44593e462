import "server-only";
import type { AccountSummary, Look, Voice } from "@/lib/catalogue";
import { logger } from "@/server/logger";
import { HeygenError } from "./errors";
import { heygen } from "./index";

export type Catalogue = {
  looks: Look[];
  voices: Voice[];
  account: AccountSummary | null;
  /** Why HeyGen's catalogue could not be loaded; null when it was. */
  error: string | null;
};

/** HeyGen's lists are long and change rarely; their preview URLs expire, so keep them minutes, not days. */
export const CATALOGUE_TTL_MS = 5 * 60 * 1000;

let cached: { at: number; value: Catalogue } | null = null;
let loading: Promise<Catalogue> | null = null;

/** Looks, voices and the account's balance for the admin form: one HeyGen round per few minutes, shared. */
export function getCatalogue(): Promise<Catalogue> {
  if (cached && Date.now() - cached.at < CATALOGUE_TTL_MS) return Promise.resolve(cached.value);
  loading ??= load().finally(() => (loading = null));
  return loading;
}

async function load(): Promise<Catalogue> {
  try {
    const [looks, voices, account] = await Promise.all([
      heygen.listLooks(),
      heygen.listVoices(),
      heygen.getAccount().catch(() => null),
    ]);
    const value: Catalogue = {
      looks: looks.sort((a, b) => a.name.localeCompare(b.name)),
      voices: voices.sort((a, b) => a.name.localeCompare(b.name)),
      account,
      error: null,
    };
    cached = { at: Date.now(), value };
    return value;
  } catch (error) {
    // Not cached: the next page load tries again.
    const reason = error instanceof HeygenError ? error.message : "unexpected error";
    logger.warn({ err: reason }, "HeyGen catalogue unavailable");
    return { looks: [], voices: [], account: null, error: reason };
  }
}
