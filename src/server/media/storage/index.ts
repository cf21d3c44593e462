import "server-only";
import { env } from "@/server/env";
import { processWide } from "@/server/process-wide";
import { localStorage } from "./local-storage";
import type { MediaStorage } from "./media-storage";
import { s3Storage } from "./s3-storage";

/** The configured storage (MEDIA_STORAGE), one per process. */
export function mediaStorage(): MediaStorage {
  return processWide("mediaStorage", () => {
    if (env.MEDIA_STORAGE === "local") return localStorage(env.MEDIA_DIR);
    const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = env;
    return s3Storage({
      bucket: env.S3_BUCKET!, // required with MEDIA_STORAGE=s3 (env.ts)
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      publicUrl: env.MEDIA_PUBLIC_URL,
    });
  });
}

export type { MediaStorage } from "./media-storage";
