import "server-only";
import type { Avatar, Voice } from "@/lib/catalogue";
import { getRemainingQuota, listAvatars, listVoices } from "./client";
import { HeygenError } from "./errors";

export type Catalogue = {
  avatars: Avatar[];
  voices: Voice[];
  /** Credits left (HeyGen's quota / 60), when HeyGen tells. */
  credits: number | null;
  error: string | null;
};

const TTL_MS = 10 * 60 * 1000;
let cached: { at: number; value: Catalogue } | null = null;

/**
 * Avatars and voices for the admin form. HeyGen's lists are large and rarely change,
 * so a successful answer is kept in memory for a few minutes.
 */
export async function getCatalogue(): Promise<Catalogue> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  try {
    const [avatars, voices, quota] = await Promise.all([
      listAvatars(),
      listVoices(),
      getRemainingQuota().catch(() => null),
    ]);
    const value: Catalogue = {
      avatars: avatars.sort((a, b) => a.name.localeCompare(b.name)),
      voices: voices.sort((a, b) => a.name.localeCompare(b.name)),
      credits: quota === null ? null : Math.floor(quota / 60),
      error: null,
    };
    cached = { at: Date.now(), value };
    return value;
  } catch (error) {
    const message = error instanceof HeygenError ? error.message : "unexpected error";
    console.warn(`[heygen] catalogue unavailable: ${message}`);
    return { avatars: [], voices: [], credits: null, error: message };
  }
}
