"use client";

import { useEffect, useRef, useState, type CSSProperties } from "react";
import { useVideo } from "@/hooks/use-video";
import { PLAIN_FAILURE, VIDEO_GONE, type PublicVideo } from "@/lib/video";
import type { ViewerLanguage } from "@/lib/translations";
import { ratioOf } from "@/lib/video-format";
import { useWatchPlayer } from "./player-context";
import { LanguageMenu, showLanguageInAddress } from "./LanguageMenu";
import { ReadyVideo, type Captions, type Resume } from "./ReadyVideo";
import { useLanguage } from "./use-language";
import { RenderProgress } from "./RenderProgress";

/** "page": on the watch page, under the site's header; "embed": alone, filling another site's iframe. */
export type PlayerVariant = "page" | "embed";

/** How much of the viewport's height the player may take: on the watch page the title stays in view. */
const MAX_VIEWPORT_HEIGHT: Record<PlayerVariant, string> = { page: "75dvh", embed: "100dvh" };

type Props = {
  initialVideo: PublicVideo;
  /** The language the page opened in (issue 19: a translation's video id, or the video's own); default the original. */
  initialLanguage?: string;
  /** Median render time of recent videos in seconds, for the estimate while this one renders; null: no history. */
  typicalRenderSeconds?: number | null;
  variant?: PlayerVariant;
  /** An admin is watching: the render's progress and failure name HeyGen's part; viewers read plain words. */
  admin?: boolean;
};

/**
 * Plays a video once HeyGen has rendered it; until then shows the render's progress, kept current by useVideo,
 * and switches to the video without a reload. With translations (issue 19), a language menu switches the player to
 * another language in place: same position, still playing if it was, captions in that language.
 */
export function VideoPlayer({
  initialVideo,
  initialLanguage,
  typicalRenderSeconds = null,
  variant = "page",
  admin = false,
}: Props) {
  const { data, error, gone, refreshMedia } = useVideo(initialVideo);
  const video = data ?? initialVideo;
  const { languages, current, choose } = useLanguage(video, initialLanguage);
  const shownId = current?.videoId ?? video.id;
  const shownUrl = current ? current.videoUrl : video.videoUrl;
  // The URL playing stays put when a newer one arrives (the app re-signs it right after the webhook): swapping it
  // would restart the video under the viewer. Only a media error swaps it (ask once for a fresh one and retry), or
  // the viewer picking another language.
  const [playing, setPlaying] = useState({ id: shownId, url: shownUrl });
  const [retried, setRetried] = useState(false);
  if ((playing.url === null && shownUrl) || playing.id !== shownId) setPlaying({ id: shownId, url: shownUrl });
  // Where the previous language was, for the next one to carry on from.
  const [resume, setResume] = useState<Resume | null>(null);
  const player = useRef<HTMLVideoElement>(null);
  // On the watch page the transcript seeks this player (the embed has it alone): tell the page which element it is.
  const shared = useWatchPlayer();
  useEffect(() => shared?.attach(player.current));
  // The README's promise: a video that finishes while someone watches its progress starts playing by itself.
  const [finishedWhileWatched] = useState(() => !(initialVideo.status === "COMPLETED" && initialVideo.videoUrl));
  const onMediaError = () => {
    if (retried) return;
    setRetried(true);
    void refreshMedia().then(() => setPlaying({ id: shownId, url: null }));
  };
  const pickLanguage = (language: ViewerLanguage) => {
    const element = player.current;
    setResume(element ? { seconds: element.currentTime, play: !element.paused && !element.ended } : null);
    setRetried(false); // the new language's URL gets its own retry
    choose(language.videoId);
    showLanguageInAddress(language, video.id);
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

  const src = playing.url ?? shownUrl;
  if (video.status === "COMPLETED" && src) {
    const menu = (
      <LanguageMenu languages={languages} value={shownId} onChange={pickLanguage} compact={variant === "embed"} />
    );
    const ready = (
      <ReadyVideo
        key={src}
        video={video}
        src={src}
        captions={captionsOf(video, current)}
        autoPlay={finishedWhileWatched && !resume}
        resume={resume}
        className={box}
        style={frame}
        videoRef={player}
        onMediaError={onMediaError}
        onTime={shared?.setTime}
      />
    );
    if (languages.length < 2) return ready;
    if (variant === "embed") {
      return (
        <>
          {ready}
          <div className="absolute top-2 right-2">{menu}</div>
        </>
      );
    }
    return (
      <div className="space-y-2">
        {ready}
        {menu}
      </div>
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

/** The captions track of the language shown: the original's (as before translations), or the translation's. */
function captionsOf(video: PublicVideo, current: ViewerLanguage | null): Captions | null {
  if (!current) return video.subtitleUrl ? { videoId: video.id, srcLang: "en", label: "English" } : null;
  if (!current.subtitleUrl) return null;
  return { videoId: current.videoId, srcLang: current.tag ?? undefined, label: current.name };
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
