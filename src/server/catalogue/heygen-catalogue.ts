import "server-only";
import type { Look, Voice } from "@/lib/catalogue";
import { settleAll } from "@/lib/settle-all";
import { compareKeys, lookKey, sortedBy, voiceKey } from "./order";
import { logger } from "@/server/logger";
import { processWide } from "@/server/process-wide";
import type { AvatarGroup, CatalogueLook } from "@/server/heygen/catalogue-items";
import { heygen } from "@/server/heygen-client";

export type Catalogue = {
  /** Sorted by avatar name, then look name: the order the picker groups them in. */
  looks: Look[];
  groups: Map<string, AvatarGroup>;
  /** The account's own voices first, then by name. */
  voices: Voice[];
  /** The values the filters offer, as the data has them. */
  lookGenders: string[];
  voiceLanguages: string[];
  voiceGenders: string[];
};

/** HeyGen's lists are long and change rarely; their preview URLs expire, so keep them minutes, not days. */
export const CATALOGUE_TTL_MS = 5 * 60 * 1000;

type CatalogueCache = {
  cached: { at: number; value: Catalogue } | null;
  loading: Promise<Catalogue> | null;
  /** Bumped by a refresh, so that a round started before it does not fill the cache afterwards. */
  generation: number;
};

// One per process (process-wide.ts), not per bundle: the admin page and each catalogue route are bundled apart, and
// a refresh must drop what every one of them serves.
const catalogueCache = () =>
  processWide<CatalogueCache>("heygenCatalogue", () => ({ cached: null, loading: null, generation: 0 }));

/**
 * HeyGen's looks, avatars and voices, public and private: one HeyGen round per few minutes, shared by every
 * request (concurrent ones wait for the same round). A failure is not cached: it rejects with the HeygenError,
 * and the next request tries again.
 */
export function getCatalogue(): Promise<Catalogue> {
  const cache = catalogueCache();
  const { cached } = cache;
  if (cached && Date.now() - cached.at < CATALOGUE_TTL_MS) return Promise.resolve(cached.value);
  if (!cache.loading) {
    const round = cache.generation;
    cache.loading = load()
      .then((value) => {
        if (round === cache.generation) cache.cached = { at: Date.now(), value };
        return value;
      })
      .finally(() => {
        if (round === cache.generation) cache.loading = null;
      });
  }
  return cache.loading;
}

/**
 * The catalogue if a fresh one is cached, without asking HeyGen: for pages that show a look's name and picture when
 * they can but must never call HeyGen per view (the gallery, the lists). Its preview URLs expire: never a stale one.
 */
export function cachedCatalogue(): Catalogue | null {
  const { cached } = catalogueCache();
  return cached && Date.now() - cached.at < CATALOGUE_TTL_MS ? cached.value : null;
}

/** The admin's "Refresh": the next request asks HeyGen afresh (new looks, new voices, fresh preview URLs). */
export function refreshCatalogue(): void {
  const cache = catalogueCache();
  cache.generation++;
  cache.cached = null;
  cache.loading = null;
}

async function load(): Promise<Catalogue> {
  const started = performance.now();
  const [looks, groups, voices] = await settleAll([heygen.listLooks(), heygen.listAvatarGroups(), heygen.listVoices()]);
  const catalogue = assemble(looks, groups, voices);
  logger.info(
    { looks: looks.length, voices: voices.length, ms: Math.round(performance.now() - started) },
    "HeyGen catalogue loaded",
  );
  return catalogue;
}

const distinct = (values: Array<string | null>) =>
  [...new Set(values.filter((value) => value !== null))].sort((a, b) => compareKeys([a], [b]));

function assemble(heygenLooks: CatalogueLook[], groupList: AvatarGroup[], heygenVoices: Voice[]): Catalogue {
  const groups = new Map(groupList.map((group) => [group.id, group]));
  const voiceById = new Map(heygenVoices.map((voice) => [voice.id, voice]));
  const looks = sortedBy(
    heygenLooks.map((look) => ({
      ...look,
      groupName: (look.groupId && groups.get(look.groupId)?.name) || null,
      defaultVoice: (look.defaultVoiceId && voiceById.get(look.defaultVoiceId)) || null,
    })),
    lookKey,
  );
  const voices = sortedBy(heygenVoices, voiceKey);
  return {
    looks,
    groups,
    voices,
    lookGenders: distinct(looks.map((look) => look.gender)),
    voiceLanguages: distinct(voices.map((voice) => voice.language)),
    voiceGenders: distinct(voices.map((voice) => voice.gender)),
  };
}
