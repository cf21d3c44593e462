"use client";

import { createContext, useContext, useRef, useState, type ReactNode } from "react";

/** The watch page's one player, shared by the player that plays it and the transcript that seeks it. */
export type WatchPlayer = {
  /** The player tells which <video> element is on the page (null while there is none). */
  attach: (element: HTMLVideoElement | null) => void;
  /** Plays from `seconds`; does nothing while there is no video. */
  playFrom: (seconds: number) => void;
  /** Where the player is, in seconds (its `timeupdate`): the transcript's current line. */
  time: number;
  setTime: (seconds: number) => void;
  /** The language the viewer picked in the player's menu (a video id, issue 19); null: the page's initial one. */
  language: string | null;
  setLanguage: (videoId: string) => void;
};

const WatchPlayerContext = createContext<WatchPlayer | null>(null);

export function WatchPlayerProvider({ children }: { children: ReactNode }) {
  const element = useRef<HTMLVideoElement | null>(null);
  const [time, setTime] = useState(0);
  const [language, setLanguage] = useState<string | null>(null);
  const attach = (video: HTMLVideoElement | null) => void (element.current = video);
  const playFrom = (seconds: number) => {
    const video = element.current;
    if (!video) return;
    video.currentTime = seconds;
    setTime(seconds);
    // A browser may refuse to play before the viewer has touched the page: the player is where it should be anyway.
    void video.play().catch(() => {});
  };
  return (
    <WatchPlayerContext value={{ attach, playFrom, time, setTime, language, setLanguage }}>
      {children}
    </WatchPlayerContext>
  );
}

/** The page's shared player; null outside a provider (the embed has no transcript). */
export const useWatchPlayer = () => useContext(WatchPlayerContext);
