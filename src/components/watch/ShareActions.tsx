"use client";

import { useRef, useState, useSyncExternalStore } from "react";
import { focusRing } from "@/components/ui/focus-ring";
import { useVideo } from "@/hooks/use-video";
import { mediaDownloadUrl } from "@/lib/media-download";
import type { PublicVideo } from "@/lib/video";

const NOTICE_MS = 3_000;
const noSubscription = () => () => {};
const button = `inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 ${focusRing}`;

type Props = {
  initialVideo: PublicVideo;
  /** The iframe other sites paste, the one oEmbed gives (src/server/share/embed-code.ts). */
  embedCode: string;
};

/** Copy the link, share it (where the browser can), embed it and download the file once it exists. */
export function ShareActions({ initialVideo, embedCode }: Props) {
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

  const [showEmbed, setShowEmbed] = useState(false);

  async function copy(text: string, done: string, fallback: string) {
    const copied = await navigator.clipboard?.writeText(text).then(
      () => true,
      () => false,
    );
    setNotice(copied ? done : fallback);
    clearTimeout(clearNotice.current);
    clearNotice.current = setTimeout(() => setNotice(""), NOTICE_MS);
  }

  async function share() {
    // Rejects when the viewer closes the share sheet: nothing to say then.
    await navigator.share({ title: video.title, url: link() }).catch(() => {});
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={() => copy(link(), "Link copied", "Could not copy: copy the address bar instead")}
        className={button}
      >
        Copy link
      </button>
      {canShare && (
        <button type="button" onClick={share} className={button}>
          Share…
        </button>
      )}
      {video.status === "COMPLETED" && video.videoUrl && (
        <a href={mediaDownloadUrl(video.id)} download className={button}>
          Download
        </a>
      )}
      {video.status === "COMPLETED" && (
        <button
          type="button"
          onClick={() => setShowEmbed(!showEmbed)}
          aria-expanded={showEmbed}
          aria-controls="embed-code"
          className={button}
        >
          Embed
        </button>
      )}
      <span role="status" className="text-sm font-medium text-emerald-800">
        {notice}
      </span>
      {video.status === "COMPLETED" && showEmbed && (
        <div id="embed-code" className="w-full space-y-2">
          <label htmlFor="embed-code-text" className="block text-sm font-medium text-slate-700">
            Paste this into your page to show the video there
          </label>
          <textarea
            id="embed-code-text"
            readOnly
            rows={3}
            value={embedCode}
            onFocus={(event) => event.currentTarget.select()}
            className={`w-full rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs text-slate-800 ${focusRing}`}
          />
          <button
            type="button"
            onClick={() => copy(embedCode, "Embed code copied", "Could not copy: select the code and copy it")}
            className={button}
          >
            Copy code
          </button>
        </div>
      )}
    </div>
  );
}
