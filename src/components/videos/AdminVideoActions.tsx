"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { smallButton, smallDangerButton } from "@/components/ui/buttons";
import { ApiRequestError, fetchJson } from "@/lib/fetch-json";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import type { AdminVideo, PublicVideo } from "@/lib/video";

export type Notice = { kind: "done" | "error"; message: string; link?: { href: string; label: string } };

type Props = {
  video: AdminVideo;
  onNotice: (notice: Notice) => void;
  /** A video was made or changed: the lists should be read again. */
  onChanged: () => void;
  onDelete: (video: AdminVideo) => void;
};

/** Open, copy the share link, regenerate, delete (after the list's confirmation dialog). */
export function AdminVideoActions({ video, onNotice, onChanged, onDelete }: Props) {
  const [regenerating, setRegenerating] = useState(false);
  // One key per regenerate: a double click, or a retry after a lost answer, makes one video and one HeyGen job.
  const idempotencyKey = useRef<string | null>(null);

  async function copyLink() {
    const link = new URL(`/videos/${video.id}`, window.location.origin).href;
    const copied = await navigator.clipboard?.writeText(link).then(
      () => true,
      () => false,
    );
    onNotice(
      copied
        ? { kind: "done", message: `Copied the link to “${video.title}”.` }
        : { kind: "error", message: `Could not copy: the link is ${link}` },
    );
  }

  async function regenerate() {
    idempotencyKey.current ??= newIdempotencyKey();
    setRegenerating(true);
    try {
      const made = await fetchJson<PublicVideo>(`/api/admin/videos/${video.id}/regenerate`, {
        method: "POST",
        headers: { "idempotency-key": idempotencyKey.current },
      });
      idempotencyKey.current = null;
      const note = made.unconfirmed ? " HeyGen has not confirmed it yet: it was not sent twice." : "";
      onNotice({
        kind: "done",
        message: `Regenerating “${video.title}” as a new video.${note}`,
        link: { href: `/videos/${made.id}`, label: "Watch it" },
      });
    } catch (caught) {
      // A refusal is final for this click; a network failure is not: a retry must reuse the key.
      if (caught instanceof ApiRequestError) idempotencyKey.current = null;
      onNotice({ kind: "error", message: `“${video.title}” was not regenerated: ${(caught as Error).message}` });
    } finally {
      setRegenerating(false);
      onChanged();
    }
  }

  return (
    <div className="flex flex-wrap gap-2">
      <Link href={`/videos/${video.id}`} className={smallButton}>
        Open<span className="sr-only"> “{video.title}”</span>
      </Link>
      <button type="button" onClick={copyLink} className={smallButton}>
        Copy link<span className="sr-only"> to “{video.title}”</span>
      </button>
      <button type="button" onClick={regenerate} disabled={regenerating} className={smallButton}>
        {regenerating ? "Regenerating…" : "Regenerate"}
        <span className="sr-only"> “{video.title}”</span>
      </button>
      <button type="button" onClick={() => onDelete(video)} className={smallDangerButton}>
        Delete<span className="sr-only"> “{video.title}”</span>
      </button>
    </div>
  );
}
