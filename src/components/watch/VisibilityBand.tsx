import { isScheduled, viewersMaySee, type VideoVisibility } from "@/lib/visibility";
import { LocalDateTime } from "./LocalDateTime";

type Props = { video: { visibility: VideoVisibility; publishAt: Date | null } };

/**
 * Above a video viewers may not see (only an admin gets this far: for viewers it does not exist), so that an admin
 * reviewing it never mistakes it for what the public sees. Nothing for a video viewers may see.
 */
export function VisibilityBand({ video }: Props) {
  if (viewersMaySee(video)) return null;
  return (
    <p
      data-testid="visibility-band"
      className="rounded border border-amber-400 bg-amber-100 px-3 py-2 text-sm font-medium text-amber-950"
    >
      {isScheduled(video) && video.publishAt ? (
        <>
          Scheduled for <LocalDateTime iso={video.publishAt.toISOString()} /> — viewers cannot see this yet
        </>
      ) : (
        `${video.visibility === "PRIVATE" ? "Private" : "Draft"} — viewers cannot see this`
      )}
    </p>
  );
}
