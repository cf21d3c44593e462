"use client";

import { useEffect, useState, type CSSProperties, type RefObject } from "react";
import type { PublicVideo } from "@/lib/video";

/** Where to carry on from: the position and play state of the language shown before (issue 19). */
export type Resume = { seconds: number; play: boolean };

/** The captions track: the WebVTT of `videoId` (the captions route), in its language. */
export type Captions = { videoId: string; srcLang: string | undefined; label: string };

type Props = {
  video: PublicVideo;
  src: string;
  captions: Captions | null;
  /** Start where the previous language was, playing if it was (a language switch); null: from the start. */
  resume?: Resume | null;
  /** Start at once, muted (browsers allow only that without a click): the render finished while the page was open. */
  autoPlay: boolean;
  className: string;
  style: CSSProperties;
  videoRef: RefObject<HTMLVideoElement | null>;
  onMediaError: () => void;
  /** Where it is playing, in seconds, as it moves (the transcript's current line). */
  onTime?: (seconds: number) => void;
};

/**
 * The finished video. When it finished while someone watched the progress, it starts by itself, muted, with an
 * Unmute button in plain view until the sound is on (by the button or the player's own controls). A browser that
 * refuses even muted autoplay, or a viewer who prefers reduced motion, gets the usual play button.
 */
export function ReadyVideo(props: Props) {
  const { video, src, captions, resume, autoPlay, className, style, videoRef, onMediaError, onTime } = props;
  const [mutedByUs, setMutedByUs] = useState(false);
  // Mounted for a language switch: seek once the new media's length is known, then play if the old one was playing
  // (the switch was the viewer's own gesture, so the browser lets it play with sound).
  useEffect(() => {
    const element = videoRef.current;
    if (!resume || !element) return;
    const carryOn = () => {
      element.currentTime = resume.seconds;
      if (resume.play) void element.play().catch(() => {});
    };
    if (element.readyState >= HTMLMediaElement.HAVE_METADATA) return carryOn();
    element.addEventListener("loadedmetadata", carryOn, { once: true });
    return () => element.removeEventListener("loadedmetadata", carryOn);
  }, [resume, videoRef]);
  useEffect(() => {
    const element = videoRef.current;
    // Motion the viewer asked to be spared: the usual play button instead.
    if (!autoPlay || !element || window.matchMedia?.("(prefers-reduced-motion: reduce)").matches) return;
    element.muted = true;
    element.play().then(
      () => setMutedByUs(element.muted),
      () => {},
    );
  }, [autoPlay, videoRef]);

  function unmute() {
    if (videoRef.current) videoRef.current.muted = false;
    setMutedByUs(false);
  }

  return (
    <div className="relative mx-auto w-full" style={{ maxWidth: style.maxWidth }}>
      <video
        src={src}
        poster={video.thumbnailUrl ?? undefined}
        controls
        playsInline
        preload="metadata"
        className={className}
        style={style}
        data-testid="video-ready"
        ref={videoRef}
        onError={onMediaError}
        onTimeUpdate={(event) => onTime?.(event.currentTarget.currentTime)}
        onVolumeChange={(event) => !event.currentTarget.muted && setMutedByUs(false)}
      >
        {captions && (
          <track
            kind="captions"
            src={`/api/videos/${captions.videoId}/captions`}
            srcLang={captions.srcLang}
            label={captions.label}
            default
          />
        )}
      </video>
      {mutedByUs && (
        <button
          type="button"
          onClick={unmute}
          className="absolute top-3 right-3 inline-flex items-center gap-2 rounded-md bg-white px-4 py-2 font-semibold text-slate-900 shadow-lg hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
        >
          <span aria-hidden>🔇</span> Unmute
        </button>
      )}
    </div>
  );
}
