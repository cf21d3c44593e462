import Link from "next/link";
import { isScheduled, viewersMaySee, type VideoVisibility } from "@/lib/visibility";
import { LocalDateTime } from "./LocalDateTime";

type Props = {
  video: { visibility: VideoVisibility; publishAt: Date | null; rejectionReason?: string | null };
  /** The plan day its script is for (admins, for a rejected plan video: where to edit the script); null: none. */
  planDay?: string | null;
};

/**
 * Above a video viewers may not see (only an admin gets this far: for viewers it does not exist), so that an admin
 * reviewing it never mistakes it for what the public sees. A video rejected in review says why, and where its plan
 * script can be edited before it is made again. Nothing for a video viewers may see.
 */
export function VisibilityBand({ video, planDay }: Props) {
  if (viewersMaySee(video)) return null;
  const rejected = video.visibility === "PRIVATE" && video.rejectionReason;
  return (
    <p
      data-testid="visibility-band"
      className="rounded border border-amber-400 bg-amber-100 px-3 py-2 text-sm font-medium break-words text-amber-950"
    >
      {isScheduled(video) && video.publishAt ? (
        <>
          Scheduled for <LocalDateTime iso={video.publishAt.toISOString()} /> — viewers cannot see this yet
        </>
      ) : rejected ? (
        <>
          Rejected: {video.rejectionReason} — viewers cannot see this.
          {planDay && (
            <>
              {" "}
              <Link href={`/admin/plan?month=${planDay.slice(0, 7)}#month-scripts`} className="underline">
                Edit its script in the plan ({planDay})
              </Link>
            </>
          )}
        </>
      ) : (
        `${video.visibility === "PRIVATE" ? "Private" : "Draft"} — viewers cannot see this`
      )}
    </p>
  );
}
