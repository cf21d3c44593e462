import type { VideoStatus } from "@/generated/prisma/enums";

export type HeygenRenderState = Extract<VideoStatus, "PROCESSING" | "COMPLETED" | "FAILED">;

const KNOWN: Record<string, HeygenRenderState> = {
  pending: "PROCESSING",
  queued: "PROCESSING",
  waiting: "PROCESSING",
  processing: "PROCESSING",
  /** Video translations say `running`. */
  running: "PROCESSING",
  completed: "COMPLETED",
  failed: "FAILED",
};

/**
 * Maps HeyGen's render status (GET /v3/videos/{id} or /v3/videos/statuses) to ours. An unknown value is
 * reported and treated as still processing: guessing "failed" would end a render that may yet complete.
 */
export function normalizeHeygenStatus(
  status: string,
  onUnknown: (status: string) => void = () => {},
): HeygenRenderState {
  const known = KNOWN[status.trim().toLowerCase()];
  if (known) return known;
  onUnknown(status);
  return "PROCESSING";
}
