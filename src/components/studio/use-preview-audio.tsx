"use client";

import { useRef, useState } from "react";
import type { PreviewControl } from "@/components/studio/VoiceOption";

/**
 * One audio element for every voice preview of a picker, so that starting one stops the other. Returns the
 * control the play buttons use and the element to render.
 */
export function usePreviewAudio(): { control: PreviewControl; audio: React.ReactNode } {
  const element = useRef<HTMLAudioElement>(null);
  const [playingUrl, setPlayingUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const stopped = (url: string) => setPlayingUrl((now) => (now === url ? null : now));

  const toggle = (url: string) => {
    const audio = element.current;
    if (!audio) return;
    setProblem(null);
    if (playingUrl === url) {
      audio.pause();
      stopped(url); // at once: the pause event comes later, and the button must say "stopped" now
      return;
    }
    audio.src = url;
    setPlayingUrl(url);
    audio.play().catch((error: Error) => {
      stopped(url);
      // Another preview started meanwhile: not a failure.
      if (error.name !== "AbortError")
        setProblem("This preview could not be played (HeyGen’s link may have expired: reload from HeyGen).");
    });
  };

  const audio = (
    <>
      <audio
        ref={element}
        data-testid="voice-preview-audio"
        preload="none"
        onEnded={(event) => stopped(event.currentTarget.src)}
        onPause={(event) => event.currentTarget.paused && stopped(event.currentTarget.src)}
      />
      {problem && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {problem}
        </p>
      )}
    </>
  );
  return { control: { playingUrl, toggle }, audio };
}
