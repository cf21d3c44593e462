"use client";

import { useEffect, useRef, useState, type CSSProperties } from "react";
import { useVideo } from "@/hooks/use-video";
import { PLAIN_FAILURE, VIDEO_GONE, type PublicVideo } from "@/lib/video";
import { ratioOf } from "@/lib/video-format";
import { useWatchPlayer } from "./player-context";
import { ReadyVideo } from "./ReadyVideo";
import { RenderProgress } from "./RenderProgress";

/** "page": on the watch page, under the site's header; "embed": alone, filling another site's iframe. */
export type PlayerVariant = "page" | "embed";

/** How much of the viewport's height the player may take: on the watch page the title stays in view. */
const MAX_VIEWPORT_HEIGHT: Record<PlayerVariant, string> = { page: "75dvh", embed: "100dvh" };

type Props = {
  initialVideo: PublicVideo;
  /** Median render time of recent videos in seconds, for the estimate while this one renders; null: no history. */
  typicalRenderSeconds?: number | null;
  variant?: PlayerVariant;
  /** An admin is watching: the render's progress and failure name HeyGen's part; viewers read plain words. */
  admin?: boolean;
};

/**
 * Plays a video once HeyGen has rendered it; until then shows the render's progress, kept current by useVideo,
 * and switches to the video without a reload.
 */
export function VideoPlayer({ initialVideo, typicalRenderSeconds = null, variant = "page", admin = false }: Props) {
  const { data, error, gone, refreshMedia } = useVideo(initialVideo);
  const video = data ?? initialVideo;
  // The URL playing stays put when a newer one arrives (the app re-signs it right after the webhook): swapping it
  // would restart the video under the viewer. Only a media error swaps it: ask once for a fresh one and retry.
  const [playing, setPlaying] = useState(video.videoUrl);
  const [retried, setRetried] = useState(false);
  if (playing === null && video.videoUrl) setPlaying(video.videoUrl);
  const player = useRef<HTMLVideoElement>(null);
  // On the watch page the transcript seeks this player (the embed has it alone): tell the page which element it is.
  const shared = useWatchPlayer();
  useEffect(() => shared?.attach(player.current));
  // The README's promise: a video that finishes while someone watches its progress starts playing by itself.
  const [finishedWhileWatched] = useState(() => !(initialVideo.status === "COMPLETED" && initialVideo.videoUrl));
  const onMediaError = () => {
    if (retried) return;
    setRetried(true);
    void refreshMedia().then(() => setPlaying(null));
  };
  // A URL that failed before the page was interactive fired its error before React listened: look once it is.
  useEffect(() => {
    if (player.current?.error) onMediaError();
  });
  // Every state fills the same box, sized from the aspect ratio before anything loads: nothing moves when the
  // video replaces the progress. Full width, but never taller than the viewport allows (portrait on wide screens).
  const frame = {
    aspectRatio: video.aspectRatio.replace(":", " / "),
    maxWidth: `min(100%, calc(${MAX_VIEWPORT_HEIGHT[variant]} * ${ratioOf(video.aspectRatio)}))`,
  };
  const box = `mx-auto block w-full overflow-hidden bg-slate-900 ${variant === "page" ? "rounded-lg" : ""}`;

  // Deleted, or hidden from viewers, while open: the player goes (and stops with it), and watching has stopped.
  if (gone) {
    return (
      <PlayerNotice box={box} frame={frame} testId="video-gone" title={VIDEO_GONE.title} detail={VIDEO_GONE.detail} />
    );
  }

  if (video.status === "COMPLETED" && video.videoUrl) {
    return (
      <ReadyVideo
        key={playing ?? video.videoUrl}
        video={video}
        src={playing ?? video.videoUrl}
        autoPlay={finishedWhileWatched}
        className={box}
        style={frame}
        videoRef={player}
        onMediaError={onMediaError}
        onTime={shared?.setTime}
      />
    );
  }

  if (video.status === "FAILED") {
    const why = video.error ?? (admin ? "HeyGen did not say why." : PLAIN_FAILURE);
    return (
      <PlayerNotice box={box} frame={frame} testId="video-failed" title="This video could not be made." detail={why} />
    );
  }

  return (
    <RenderProgress
      video={video}
      typicalRenderSeconds={typicalRenderSeconds}
      connectionProblem={Boolean(error)}
      admin={admin}
      className={box}
      style={frame}
    />
  );
}

type NoticeProps = { box: string; frame: CSSProperties; testId: string; title: string; detail: string };

/** In the player's own box, in place of the video: why there is none (an alert, read out when it appears). */
function PlayerNotice({ box, frame, testId, title, detail }: NoticeProps) {
  return (
    <div
      role="alert"
      className={`${box} flex flex-col items-center justify-center gap-2 p-6 text-center`}
      style={frame}
      data-testid={testId}
    >
      <p className="text-lg font-semibold text-white">{title}</p>
      <p className="text-sm text-slate-300">{detail}</p>
    </div>
  );
}
