import "server-only";
import { z } from "@/lib/zod";
import { VOICE_PROMPT_MAX_LENGTH, type VoiceSearchResult } from "@/lib/catalogue";
import { BCP47 } from "@/lib/generation-options";
import { heygen } from "@/server/heygen-client";
import { heygenFailure } from "./heygen-failure";

/** POST /api/admin/catalogue/voices/search's body. */
export const voiceSearchInput = z.strictObject({
  prompt: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required: describe the voice, e.g. “warm, confident female narrator”")
    .max(VOICE_PROMPT_MAX_LENGTH, `must be at most ${VOICE_PROMPT_MAX_LENGTH} characters`),
  gender: z.enum(["female", "male"], { error: "must be female or male" }).optional(),
  locale: z
    .string({ error: "must be a string" })
    .max(35, "is too long")
    .regex(BCP47, "must be a locale such as en-US")
    .optional(),
  /** 0: the best matches; 1: the next few; … */
  seed: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(1000, "must be at most 1000")
    .default(0),
});

/** HeyGen names these request fields as the body does. */
const SEARCH_FIELDS = { prompt: "prompt", gender: "gender", locale: "locale", seed: "seed" };

/** HeyGen's "describe the voice" search of its library: a few voices per seed, nothing created, nothing billed. */
export async function searchVoices(input: z.output<typeof voiceSearchInput>): Promise<VoiceSearchResult> {
  const { voices, seed } = await heygen
    .searchVoices(input)
    .catch((error: unknown) => heygenFailure(error, "search its voices", SEARCH_FIELDS));
  return { items: voices, seed };
}
