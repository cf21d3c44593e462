"use client";

import { useRef, useState } from "react";
import { useSWRConfig } from "swr";
import type { FieldError } from "@/hooks/use-field-error";
import { isVideosKey } from "@/hooks/use-videos";
import { ApiRequestError, fetchJsonAnswer } from "@/lib/fetch-json";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { toApiVisibility } from "@/lib/publish-input";
import type { PublicVideo } from "@/lib/video";
import type { CreateVideoInput } from "@/lib/video-input";

/**
 * What a Generate click came to: HeyGen took the job, or its answer was lost (the route's 202) and the video may be
 * rendering. Every lost answer reads the same, however it was lost (issue 16, bug 7).
 */
export type GenerateOutcome = { kind: "created" | "unconfirmed"; video: PublicVideo };

const NETWORK_FAILURE =
  "The server could not be reached, so this video may or may not have been made. Check your connection and click " +
  "Generate again: the same request is sent again, so at most one video is made.";

/**
 * Sends a video to POST /api/videos, once per submission: repeated clicks, and retries after a lost answer, carry the
 * same Idempotency-Key, so the server makes one video (and one HeyGen job) whatever happens. `forget()` (the form
 * changed) starts a new submission. Resolves to the outcome, or to the refusal to show (null once it is shown).
 */
export function useGenerateVideo() {
  const { mutate } = useSWRConfig();
  const [submitting, setSubmitting] = useState(false);
  const idempotencyKey = useRef<string | null>(null);

  async function generate(input: CreateVideoInput): Promise<GenerateOutcome | FieldError> {
    setSubmitting(true);
    idempotencyKey.current ??= newIdempotencyKey();
    try {
      const { status, body: video } = await fetchJsonAnswer<PublicVideo>("/api/videos", {
        method: "POST",
        // The parsed input back in the API's words: visibility in lower case, the publish moment as ISO 8601.
        body: JSON.stringify({
          ...input,
          visibility: toApiVisibility(input.visibility),
          publishAt: input.publishAt?.toISOString() ?? null,
        }),
        headers: { "idempotency-key": idempotencyKey.current },
      });
      idempotencyKey.current = null;
      return { kind: status === 202 || video.unconfirmed ? "unconfirmed" : "created", video };
    } catch (caught) {
      // A refusal is final for this submission; a network failure is not: a retry must reuse the key.
      if (!(caught instanceof ApiRequestError)) return { message: NETWORK_FAILURE };
      idempotencyKey.current = null;
      return { message: caught.message, field: caught.field };
    } finally {
      setSubmitting(false);
      void mutate(isVideosKey);
    }
  }

  return { submitting, generate, forget: () => void (idempotencyKey.current = null) };
}

export const isOutcome = (result: GenerateOutcome | FieldError): result is GenerateOutcome => "video" in result;
