import "server-only";
import { env } from "@/server/env";
import { processWide } from "@/server/process-wide";
import { localStorage } from "./local-storage";
import type { MediaStorage } from "./media-storage";

/** The configured storage (MEDIA_STORAGE), one per process. */
export function mediaStorage(): MediaStorage {
  return processWide("mediaStorage", () => {
    if (env.MEDIA_STORAGE === "local") return localStorage(env.MEDIA_DIR);
    throw new Error("MEDIA_STORAGE=s3 is not built yet"); // issue 17: src/server/media/storage/s3-storage.ts
  });
}

export type { MediaStorage } from "./media-storage";
