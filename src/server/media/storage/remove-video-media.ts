import "server-only";
import { logger } from "@/server/logger";
import { mediaStorage } from "./index";
import { videoKeyPrefix } from "./stored-media";

/**
 * Removes every object of a deleted video (its public copies first, then its MP4, poster and captions, and any write
 * of it still under its prefix), once its row is gone, so that nothing of it outlives the delete. A failure is logged,
 * naming the prefix to remove by hand (and `public/` + it), and does not undo the delete: the row is what every page
 * and the /media routes read, so the video is gone for viewers either way; what stays is storage cost.
 */
export async function removeVideoMedia(videoId: string): Promise<void> {
  const storage = mediaStorage();
  const prefix = videoKeyPrefix(videoId);
  try {
    await storage.unpublish(prefix);
    await storage.removeAll(prefix);
  } catch (error) {
    logger.error(
      { videoId, storage: storage.kind, prefix, err: error instanceof Error ? error.message : String(error) },
      "deleted video: could not remove its stored media; remove that prefix by hand",
    );
  }
}
