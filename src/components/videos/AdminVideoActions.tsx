"use client";

import Link from "next/link";
import { useState } from "react";
import { smallButton, smallDangerButton } from "@/components/ui/buttons";
import { isTerminal, type AdminVideo } from "@/lib/video";
import type { Notice } from "./notice";
import { RegenerateVideoDialog } from "./RegenerateVideoDialog";

export type { Notice };

type Props = {
  video: AdminVideo;
  onNotice: (notice: Notice) => void;
  /** A video was made or changed: the lists should be read again. */
  onChanged: () => void;
  onDelete: (video: AdminVideo) => void;
};

/**
 * Open, copy the share link, regenerate (after a confirmation that says what it costs; only once the video is ready
 * or failed: while it renders, its own render may still succeed; never a translation, which is asked for again from its
 * source), delete (after the caller's confirmation dialog).
 */
export function AdminVideoActions({ video, onNotice, onChanged, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);

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

  return (
    <div className="flex flex-wrap gap-2">
      <Link href={`/videos/${video.id}`} className={smallButton}>
        Open<span className="sr-only"> “{video.title}”</span>
      </Link>
      <button type="button" onClick={copyLink} className={smallButton}>
        Copy link<span className="sr-only"> to “{video.title}”</span>
      </button>
      {isTerminal(video.status) && !video.translationOf && (
        <button type="button" onClick={() => setConfirming(true)} className={smallButton}>
          Regenerate<span className="sr-only"> “{video.title}”</span>
        </button>
      )}
      <button type="button" onClick={() => onDelete(video)} className={smallDangerButton}>
        Delete<span className="sr-only"> “{video.title}”</span>
      </button>
      {/* Mounted while open only: a page of rows does not carry a closed dialog each. */}
      {confirming && (
        <RegenerateVideoDialog
          video={video}
          onNotice={onNotice}
          onChanged={onChanged}
          onClose={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
