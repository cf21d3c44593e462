import type { CreditPool, HeygenAccountFigures } from "@/lib/account";
import { OWNERSHIPS, type Voice } from "@/lib/catalogue";
import { settleAll } from "@/lib/settle-all";
import { z } from "zod";
import { isReady, toAvatarGroup, toLook, toVoice, type AvatarGroup, type CatalogueLook } from "./catalogue-items";
import { createVideoBody, type CreateVideoRequest } from "./create-video-body";
import { classifyHeygenFailure } from "./failures";
import { heygenCall, type HeygenConfig } from "./http";
import {
  avatarGroupItem,
  dataOf,
  createVideoResponse,
  lookItem,
  page,
  rotatedSecretResponse,
  userMeResponse,
  videoDetailsResponse,
  videoResource,
  videoStatusesResponse,
  voiceItem,
  voiceSearchRequest,
  voiceSearchResponse,
  webhookEndpoint,
  webhookEventItem,
} from "./schemas";
import { normalizeHeygenStatus, type HeygenRenderState } from "./status";
import { translationMethods } from "./translations";
import type { HeygenVideo } from "./video";

export type { CreateVideoRequest, HeygenConfig };
export type { CreateTranslationRequest, HeygenTranslation } from "./translations";

export type { HeygenVideo };

export type HeygenVideoStatus = { videoId: string; state: HeygenRenderState | "NOT_FOUND"; error: string | null };

/** An event from HeyGen's delivery history (GET /v3/webhooks/events): trusted, it comes from HeyGen's API. */
export type HeygenWebhookEvent = {
  eventId: string;
  eventType: string;
  createdAt: string;
  payload: Record<string, unknown>;
};

export type WebhookEndpoint = { endpointId: string; url: string; events: string[] | null; secret: string | null };

/**
 * The webhook events the app applies (a translation's are "go and look" hints for its variant, issue 19): what the
 * Settings page and `npm run heygen:webhook` subscribe the callback endpoint to.
 */
export const WEBHOOK_EVENTS = [
  "avatar_video.success",
  "avatar_video.fail",
  "video_translate.success",
  "video_translate.fail",
] as const;

/** HeyGen accepts at most this many ids per GET /v3/videos/statuses. */
export const STATUSES_PER_CALL = 100;
/** A safety stop for paginated lists (HeyGen's public catalogue is large but not endless). */
const MAX_PAGES = 40;

/** HeyGen's v3 API. Nothing outside this module knows which version or shapes it speaks. */
export function createHeygenClient(config: HeygenConfig) {
  const warn = config.warn ?? ((fields, message) => console.warn(message, fields));
  const stateOf = (status: string) =>
    normalizeHeygenStatus(status, (unknown) =>
      warn({ status: unknown }, "unknown HeyGen video status, treated as processing"),
    );
  const toVideo = (data: z.output<typeof videoResource>): HeygenVideo => ({
    id: data.id,
    state: stateOf(data.status),
    title: data.title,
    createdAt: data.created_at,
    duration: data.duration,
    videoUrl: data.video_url,
    captionedVideoUrl: data.captioned_video_url,
    subtitleUrl: data.subtitle_url,
    thumbnailUrl: data.thumbnail_url,
    failureMessage: data.failure_message ?? data.failure_code,
  });

  const call = <S extends z.ZodType>(path: string, options: Parameters<typeof heygenCall<S>>[2]) =>
    heygenCall(config, path, options);

  /** Every item of a paginated list (next_token), up to `maxPages` pages or the first item `stop` refuses. */
  async function listAll<T extends z.ZodType>(
    path: string,
    item: T,
    query: Record<string, string | number>,
    { maxPages = MAX_PAGES, stop }: { maxPages?: number; stop?: (item: z.output<T>) => boolean } = {},
  ) {
    const items: z.output<T>[] = [];
    let token: string | undefined;
    for (let pages = 0; pages < maxPages; pages++) {
      const result = await call(path, { query: { ...query, token }, schema: page(item) });
      for (const entry of result.data as z.output<T>[]) {
        if (stop?.(entry)) return items;
        items.push(entry);
      }
      if (!result.has_more || !result.next_token) return items;
      token = result.next_token;
    }
    if (!stop) warn({ path, pages: maxPages }, "HeyGen list cut short");
    return items;
  }

  return {
    ...translationMethods(config, stateOf),

    /**
     * Asks HeyGen to render a video. A 429 with a short Retry-After is waited for and retried in place (HeyGen made
     * nothing, so the retry cannot make a second job); `retry: false` sends one request and gives every refusal back
     * at once, for a caller that paces its creates itself.
     */
    async createVideo(
      request: CreateVideoRequest,
      { retry = true }: { retry?: boolean } = {},
    ): Promise<{ videoId: string }> {
      const body = createVideoBody(request);
      const { data } = await call("/v3/videos", {
        method: "POST",
        body,
        idempotencyKey: request.callbackId,
        schema: createVideoResponse,
        retry: retry ? "after_429_only" : "never",
      });
      return { videoId: data.video_id };
    },

    async getVideo(videoId: string): Promise<HeygenVideo> {
      const { data } = await call(`/v3/videos/${encodeURIComponent(videoId)}`, { schema: videoDetailsResponse });
      return toVideo(data);
    },

    /** The account's newest videos whose title contains `title` (one page): where a lost create may show up. */
    async findVideosByTitle(title: string): Promise<HeygenVideo[]> {
      const { data } = await call("/v3/videos", { query: { title, limit: 20 }, schema: page(videoResource) });
      return data.map(toVideo);
    },

    /**
     * Deletes a video and its files at HeyGen, for good. `not_found`: HeyGen itself says it has no such video (deleted
     * already). Retried like a read: deleting twice deletes once.
     */
    async deleteVideo(videoId: string): Promise<"deleted" | "not_found"> {
      try {
        await call(`/v3/videos/${encodeURIComponent(videoId)}`, {
          method: "DELETE",
          retry: "idempotent",
          schema: dataOf(z.object({ id: z.string() })),
        });
        return "deleted";
      } catch (error) {
        if (classifyHeygenFailure(error)?.kind === "not_found") return "not_found";
        throw error;
      }
    },

    /**
     * HeyGen's history of webhook events, newest first, until `stop` says an event was already seen (or
     * `maxPages` pages): how deliveries that never arrived are caught up.
     */
    async listWebhookEvents(stop: (event: HeygenWebhookEvent) => boolean, maxPages = 5): Promise<HeygenWebhookEvent[]> {
      const toEvent = (item: z.output<typeof webhookEventItem>): HeygenWebhookEvent => ({
        eventId: item.event_id,
        eventType: item.event_type,
        createdAt: item.created_at,
        payload: item,
      });
      const items = await listAll(
        "/v3/webhooks/events",
        webhookEventItem,
        { limit: 100 },
        { maxPages, stop: (item) => stop(toEvent(item)) },
      );
      return items.map(toEvent);
    },

    /** Statuses of many videos, STATUSES_PER_CALL per request. */
    async getStatuses(videoIds: string[]): Promise<HeygenVideoStatus[]> {
      const statuses: HeygenVideoStatus[] = [];
      for (let i = 0; i < videoIds.length; i += STATUSES_PER_CALL) {
        const ids = videoIds.slice(i, i + STATUSES_PER_CALL);
        const { data } = await call("/v3/videos/statuses", {
          query: { video_ids: ids.join(",") },
          schema: videoStatusesResponse,
        });
        for (const entry of data) {
          if (!entry.video_id) continue;
          const error = typeof entry.error === "string" ? entry.error : (entry.error?.message ?? null);
          const notFound = entry.status.toLowerCase() === "not_found";
          statuses.push({ videoId: entry.video_id, state: notFound ? "NOT_FOUND" : stateOf(entry.status), error });
        }
      }
      return statuses;
    },

    /** Ready looks of HeyGen's library and of the account, each marked with where it came from. */
    async listLooks(): Promise<CatalogueLook[]> {
      const lists = await settleAll(
        OWNERSHIPS.map(async (ownership) => {
          const looks = await listAll("/v3/avatars/looks", lookItem, { ownership, limit: 50 });
          return looks.filter(isReady).map((look) => toLook(look, ownership));
        }),
      );
      return lists.flat();
    },

    /** The public library and the account's own (cloned) voices. */
    async listVoices(): Promise<Voice[]> {
      const lists = await settleAll(OWNERSHIPS.map((type) => listAll("/v3/voices", voiceItem, { type, limit: 100 })));
      return lists.flat().map(toVoice);
    },

    /** Avatar groups (the people looks belong to), HeyGen's and the account's own. */
    async listAvatarGroups(): Promise<AvatarGroup[]> {
      const lists = await settleAll(
        OWNERSHIPS.map(async (ownership) => {
          const groups = await listAll("/v3/avatars", avatarGroupItem, { ownership, limit: 50 });
          return groups.filter(isReady).map((group) => toAvatarGroup(group, ownership));
        }),
      );
      return lists.flat();
    },

    /**
     * Library voices matching a description (POST /v3/voices): free, creates nothing, so it is retried like a
     * read. `seed` 0 is the best few matches, 1 the next few, and so on.
     */
    async searchVoices(search: { prompt: string; gender?: "female" | "male"; locale?: string; seed: number }) {
      const body = voiceSearchRequest.parse(search satisfies z.input<typeof voiceSearchRequest>);
      const { data } = await call("/v3/voices", {
        method: "POST",
        body,
        schema: voiceSearchResponse,
        retry: "idempotent",
      });
      return { seed: data.seed, voices: data.voices.map(toVoice) };
    },

    /** The billing type and what is left. Not retried: a dashboard would rather say "unreachable" now than in a minute. */
    async getAccount(): Promise<HeygenAccountFigures> {
      const { data } = await call("/v3/users/me", { schema: userMeResponse, retry: "after_429_only" });
      return toAccountFigures(data);
    },

    /** Whether HeyGen accepts `apiKey` (before it is saved): its account, or a HeygenError (rejected, 401, for a bad key). */
    checkApiKey(apiKey: string): Promise<HeygenAccountFigures> {
      return createHeygenClient({ ...config, apiKey }).getAccount();
    },

    async createWebhookEndpoint(url: string, events: string[]): Promise<WebhookEndpoint> {
      const { data } = await call("/v3/webhooks/endpoints", {
        method: "POST",
        body: { url, events },
        schema: dataOf(webhookEndpoint),
      });
      return toEndpoint(data);
    },

    async listWebhookEndpoints(): Promise<WebhookEndpoint[]> {
      return (await listAll("/v3/webhooks/endpoints", webhookEndpoint, { limit: 100 })).map(toEndpoint);
    },

    /**
     * Subscribes an endpoint to the app's events it lacks, keeping its others (PATCH /v3/webhooks/endpoints/{id}): one
     * registered before some existed (the translations') gains them. Returns the events added; none: nothing asked.
     */
    async subscribeToAppEvents(endpoint: WebhookEndpoint): Promise<string[]> {
      const missing = endpoint.events ? WEBHOOK_EVENTS.filter((event) => !endpoint.events!.includes(event)) : [];
      if (missing.length === 0) return [];
      const path = `/v3/webhooks/endpoints/${encodeURIComponent(endpoint.endpointId)}`;
      await call(path, {
        method: "PATCH",
        body: { events: [...endpoint.events!, ...missing] },
        schema: dataOf(webhookEndpoint),
      });
      return missing;
    },

    async rotateWebhookSecret(endpointId: string): Promise<string> {
      const path = `/v3/webhooks/endpoints/${encodeURIComponent(endpointId)}/rotate-secret`;
      return (await call(path, { method: "POST", schema: rotatedSecretResponse })).data.secret;
    },
  };
}

function toEndpoint(endpoint: z.output<typeof webhookEndpoint>): WebhookEndpoint {
  return {
    endpointId: endpoint.endpoint_id,
    url: endpoint.url,
    events: endpoint.events ?? null,
    secret: endpoint.secret,
  };
}

function toAccountFigures(data: z.output<typeof userMeResponse>["data"]): HeygenAccountFigures {
  const pool = (reported: { remaining: number | null; resets_at: string | null } | null): CreditPool | null =>
    reported && { remaining: reported.remaining, resetsAt: reported.resets_at };
  const { wallet, subscription, usage_based: usageBased } = data;
  return {
    billingType: data.billing_type,
    wallet: wallet && { remainingBalance: wallet.remaining_balance, currency: wallet.currency },
    subscription: subscription && {
      plan: subscription.plan,
      premiumCredits: pool(subscription.credits?.premium_credits ?? null),
      addOnCredits: pool(subscription.credits?.add_on_credits ?? null),
    },
    usageBased: usageBased && {
      remainingCredits: usageBased.remaining_credits,
      spendingCapUsd: usageBased.spending_cap_usd,
      spendingCurrentUsd: usageBased.spending_current_usd,
    },
  };
}
