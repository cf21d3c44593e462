import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { videoChanges } from "@/server/watch/video-changes";

/**
 * Resolves once this process has heard of every change committed so far: PostgreSQL delivers notifications in
 * commit order, so when a marker sent now arrives, everything before it has too (and the cache has dropped it).
 */
export async function changesHeard(): Promise<void> {
  const marker = `marker-${randomUUID()}`;
  let unsubscribe = () => {};
  const heard = new Promise<void>((resolve) => {
    unsubscribe = videoChanges.subscribe((id) => id === marker && resolve());
  });
  await waitUntilLive();
  await db.$executeRaw`SELECT pg_notify('video_changed', ${marker})`;
  await heard;
  unsubscribe();
}

async function waitUntilLive() {
  for (let i = 0; i < 100 && !videoChanges.isLive(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!videoChanges.isLive()) throw new Error("the app never started listening to video changes");
}
