import "server-only";
import { z } from "@/lib/zod";
import { VOICE_PAGE_SIZE, type Voice, type VoicePage } from "@/lib/catalogue";
import { getCatalogue } from "@/server/catalogue/heygen-catalogue";
import { heygenFailure } from "./heygen-failure";
import { voiceKey } from "./order";
import { pageOf } from "./page";
import { listParams, matcher, oneOfCatalogue, pageLimit, readQuery } from "./query";

const voiceQuery = z.object({
  ...listParams,
  language: z.string().trim().default(""),
  gender: z.string().trim().default(""),
  limit: pageLimit(VOICE_PAGE_SIZE),
});

/**
 * One page of the catalogue's voices (the account's own first), filtered by name, language and gender.
 * Bad parameters: 400 naming them.
 */
export async function findVoices(params: URLSearchParams | Record<string, string>): Promise<VoicePage> {
  const query = readQuery(voiceQuery, params);
  const catalogue = await getCatalogue().catch((error: unknown) => heygenFailure(error, "list its voices"));
  const language = oneOfCatalogue("language", query.language, catalogue.voiceLanguages);
  const gender = oneOfCatalogue("gender", query.gender, catalogue.voiceGenders);
  const named = matcher(query.q);
  const wanted = (voice: Voice) =>
    named(voice.name) && (!language || voice.language === language) && (!gender || voice.gender === gender);
  return pageOf(catalogue.voices.filter(wanted), query, voiceKey, {
    languages: catalogue.voiceLanguages,
    genders: catalogue.voiceGenders,
  });
}
