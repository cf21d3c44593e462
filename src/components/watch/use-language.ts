"use client";

import { useState } from "react";
import type { ViewerLanguage } from "@/lib/translations";
import type { PublicVideo } from "@/lib/video";
import { useWatchPlayer } from "./player-context";

/**
 * The language a video is shown in (issue 19): the viewer's pick in the player's menu, else the one the page opened
 * in (`initialLanguage`, a video id). On the watch page the pick is shared (the transcript follows it); the embed keeps
 * its own. `current` is the translation shown, or null for the original (also when the one picked is no longer
 * offered: hidden or deleted since).
 */
export function useLanguage(video: PublicVideo, initialLanguage: string | undefined) {
  const shared = useWatchPlayer();
  const [own, setOwn] = useState<string | null>(null);
  const picked = (shared ? shared.language : own) ?? initialLanguage ?? video.id;
  const languages = video.languages ?? [];
  const current: ViewerLanguage | null =
    languages.find((language) => language.videoId === picked && language.videoId !== video.id) ?? null;
  return { languages, current, choose: shared ? shared.setLanguage : setOwn };
}
