"use client";

import { useRef } from "react";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { costOfSeconds, formatUsd } from "@/lib/cost";
import { ApiRequestError, fetchJson } from "@/lib/fetch-json";
import { formatDuration } from "@/lib/format";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { PRICE_PER_SECOND_USD } from "@/lib/limits";
import type { AdminVideo, PublicVideo } from "@/lib/video";
import type { Notice } from "./notice";

type Props = {
  video: AdminVideo;
  onNotice: (notice: Notice) => void;
  /** A video was made (even a refused one): the lists should be read again. */
  onChanged: () => void;
  onClose: () => void;
};

/** What a new render of `video` will cost: as long as this one was, or (never made) as the Studio estimates its script. */
export function regenerateEstimate(video: AdminVideo): { seconds: number; costUsd: number; measured: boolean } {
  const measured = video.status === "COMPLETED" && video.duration !== null;
  const seconds = measured ? video.duration! : video.scriptSeconds;
  return { seconds, costUsd: costOfSeconds(seconds), measured };
}

/**
 * Asks before a video is made again, saying what it will cost (HeyGen bills every render). Mount it while open. One
 * Idempotency-Key per confirmed regenerate: a double click, or a retry after a lost answer, makes one video and one
 * HeyGen job; a refusal is final, so the next try gets a new key.
 */
export function RegenerateVideoDialog({ video, onNotice, onChanged, onClose }: Props) {
  const idempotencyKey = useRef<string | null>(null);
  const { seconds, costUsd, measured } = regenerateEstimate(video);
  const speed = video.options.voiceSpeed;

  async function regenerate() {
    idempotencyKey.current ??= newIdempotencyKey();
    try {
      const made = await fetchJson<PublicVideo>(`/api/admin/videos/${video.id}/regenerate`, {
        method: "POST",
        headers: { "idempotency-key": idempotencyKey.current },
      });
      idempotencyKey.current = null;
      return made;
    } catch (caught) {
      if (caught instanceof ApiRequestError) idempotencyKey.current = null;
      throw new Error(`It was not regenerated: ${(caught as Error).message}`);
    } finally {
      onChanged();
    }
  }

  function done(made: PublicVideo) {
    const note = made.unconfirmed ? " HeyGen has not confirmed it yet: it was not sent twice." : "";
    onNotice({
      kind: "done",
      message: `Regenerating “${video.title}” as a new video.${note}`,
      link: { href: `/videos/${made.id}`, label: "Watch it" },
    });
    onClose();
  }

  return (
    <ConfirmDialog
      open
      tone="spend"
      heading={<>Regenerate “{video.title}”?</>}
      labels={{ confirm: `Regenerate (≈ ${formatUsd(costUsd)})`, pending: "Regenerating…", dismiss: "Cancel" }}
      action={regenerate}
      onDone={done}
      onClose={onClose}
    >
      <p className="mt-2 text-sm text-slate-700">
        HeyGen renders a new video with the same script, look, voice and settings; this one stays as it is.
      </p>
      <p className="mt-2 text-sm text-slate-700" data-testid="regenerate-cost">
        {measured ? (
          <>As long as this one ({formatDuration(seconds)}): </>
        ) : (
          <>
            About {formatDuration(seconds)} spoken{speed && speed !== 1 ? ` at ${speed}× speed` : ""}:{" "}
          </>
        )}
        <strong className="font-semibold text-slate-900">≈ {formatUsd(costUsd)}</strong> at HeyGen’s{" "}
        {formatUsd(PRICE_PER_SECOND_USD)} a second.
      </p>
    </ConfirmDialog>
  );
}
