import { z } from "zod";
import { classifyHeygenFailure } from "./failures";
import { heygenCall, type HeygenConfig } from "./http";
import { dataOf, page } from "./schemas";
import type { HeygenRenderState } from "./status";
import type { HeygenVideo } from "./video";
import {
  createTranslationRequest,
  createTranslationResponse,
  translationDetailsResponse,
  translationLanguagesResponse,
  translationResource,
} from "./translation-schemas";

export type CreateTranslationRequest = {
  /** A public URL HeyGen fetches the source from. */
  videoUrl: string;
  /** HeyGen's names ("Spanish (Spain)"). */
  outputLanguages: readonly string[];
  mode: "speed" | "precision";
  title?: string;
  /** Our variant's id: echoed in webhooks, and the Idempotency-Key. */
  callbackId: string;
  callbackUrl?: string;
  enableCaption: boolean;
};

/** A translation in the shape of any HeyGen video (the sync path applies it alike), plus what only it has. */
export type HeygenTranslation = HeygenVideo & {
  outputLanguage: string | null;
  /** The language HeyGen heard in the source (auto-detected unless given), in its words ("English"). */
  inputLanguage: string | null;
  callbackId: string | null;
  vttCaptionUrl: string | null;
};

/** Pages of GET /v3/video-translations looked through for a lost create (newest first). */
const LOST_CREATE_PAGES = 5;

/** HeyGen's video translation endpoints; `stateOf` is the client's one status reading. */
export function translationMethods(config: HeygenConfig, stateOf: (status: string) => HeygenRenderState) {
  const call = <S extends z.ZodType>(path: string, options: Parameters<typeof heygenCall<S>>[2]) =>
    heygenCall(config, path, options);
  const toTranslation = (data: z.output<typeof translationResource>): HeygenTranslation => ({
    id: data.id,
    state: stateOf(data.status),
    title: data.title,
    createdAt: data.created_at,
    duration: data.duration,
    videoUrl: data.video_url,
    captionedVideoUrl: null,
    subtitleUrl: data.srt_caption_url,
    thumbnailUrl: null,
    failureMessage: data.failure_message,
    outputLanguage: data.output_language,
    inputLanguage: data.input_language,
    callbackId: data.callback_id,
    vttCaptionUrl: data.vtt_caption_url,
  });

  return {
    /**
     * Asks HeyGen to translate a video (one translation per output language, their ids in the same order). Retried
     * only after a 429 (HeyGen made nothing), like createVideo; `retry: false` sends one request.
     */
    async createTranslation(
      request: CreateTranslationRequest,
      { retry = true }: { retry?: boolean } = {},
    ): Promise<{ translationIds: string[] }> {
      const body = createTranslationRequest.parse({
        video: { type: "url", url: request.videoUrl },
        output_languages: [...request.outputLanguages],
        mode: request.mode,
        title: request.title,
        callback_id: request.callbackId,
        callback_url: request.callbackUrl,
        enable_caption: request.enableCaption,
      } satisfies z.input<typeof createTranslationRequest>);
      const { ids } = await call("/v3/video-translations", {
        method: "POST",
        body,
        idempotencyKey: request.callbackId,
        schema: createTranslationResponse,
        retry: retry ? "after_429_only" : "never",
      });
      return { translationIds: ids };
    },

    async getTranslation(translationId: string): Promise<HeygenTranslation> {
      const path = `/v3/video-translations/${encodeURIComponent(translationId)}`;
      return toTranslation((await call(path, { schema: translationDetailsResponse })).data);
    },

    /** The names `output_languages` takes. */
    async listTranslationLanguages(): Promise<string[]> {
      return call("/v3/video-translations/languages", { schema: translationLanguagesResponse });
    },

    /** The account's newest translations carrying `callbackId` (a few pages): where a lost create shows up. */
    async findTranslationsByCallbackId(callbackId: string): Promise<HeygenTranslation[]> {
      const found: HeygenTranslation[] = [];
      let token: string | undefined;
      for (let pages = 0; pages < LOST_CREATE_PAGES; pages++) {
        const result = await call("/v3/video-translations", {
          query: { limit: 100, token },
          schema: page(translationResource),
        });
        found.push(...result.data.filter((item) => item.callback_id === callbackId).map(toTranslation));
        if (!result.has_more || !result.next_token) break;
        token = result.next_token;
      }
      return found;
    },

    /** Deletes a translation at HeyGen; `not_found`: it had none (deleted already). Retried like a read. */
    async deleteTranslation(translationId: string): Promise<"deleted" | "not_found"> {
      try {
        await call(`/v3/video-translations/${encodeURIComponent(translationId)}`, {
          method: "DELETE",
          retry: "idempotent",
          schema: dataOf(z.unknown()).or(z.unknown()),
        });
        return "deleted";
      } catch (error) {
        if (classifyHeygenFailure(error)?.kind === "not_found") return "not_found";
        throw error;
      }
    },
  };
}
