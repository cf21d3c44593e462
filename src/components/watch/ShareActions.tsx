"use client";

import { useRef, useState, useSyncExternalStore } from "react";
import { focusRing } from "@/components/ui/focus-ring";
import { useVideo } from "@/hooks/use-video";
import type { PublicVideo } from "@/lib/video";

const NOTICE_MS = 3_000;
const noSubscription = () => () => {};
const button = `inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 ${focusRing}`;

/** Copy the link, share it (where the browser can), download the file once it exists. */
export function ShareActions({ initialVideo }: { initialVideo: PublicVideo }) {
  const video = useVideo(initialVideo).data ?? initialVideo;
  // The Web Share API exists in some browsers only; false while rendering on the server and hydrating.
  const canShare = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === "function",
    () => false,
  );
  const [notice, setNotice] = useState("");
  const clearNotice = useRef<ReturnType<typeof setTimeout>>(undefined);
  const link = () => new URL(`/videos/${video.id}`, window.location.origin).href;

  async function copyLink() {
    const copied = await navigator.clipboard?.writeText(link()).then(
      () => true,
      () => false,
    );
    setNotice(copied ? "Link copied" : "Could not copy: copy the address bar instead");
    clearTimeout(clearNotice.current);
    clearNotice.current = setTimeout(() => setNotice(""), NOTICE_MS);
  }

  async function share() {
    // Rejects when the viewer closes the share sheet: nothing to say then.
    await navigator.share({ title: video.title, url: link() }).catch(() => {});
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={copyLink} className={button}>
        Copy link
      </button>
      {canShare && (
        <button type="button" onClick={share} className={button}>
          Share…
        </button>
      )}
      {video.status === "COMPLETED" && video.videoUrl && (
        <a href={video.videoUrl} download className={button}>
          Download
        </a>
      )}
      <span role="status" className="text-sm font-medium text-emerald-800">
        {notice}
      </span>
    </div>
  );
}
