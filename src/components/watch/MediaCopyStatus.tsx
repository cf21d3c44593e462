"use client";

import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { smallButton } from "@/components/ui/buttons";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { fetchJson } from "@/lib/fetch-json";
import { formatBytes, formatDate } from "@/lib/format";
import type { MediaCopyState } from "@/lib/media-copy-state";
import type { AdminVideo } from "@/lib/video";

type Props = {
  video: AdminVideo;
  /** The configured S3 bucket (S3_BUCKET), named for a copy stored in S3. */
  bucket: string | null;
  /** A retry was asked for (or refused): the video should be read again. */
  onChanged: () => void;
};

/**
 * Admins only: where the video's media lives. Our copy (on this server's disk or in S3, its size and when), the copy
 * under way, or the copy given up on, with the reason and a Retry (POST /api/admin/videos/{id}/media-copy).
 */
export function MediaCopyStatus({ video, bucket, onChanged }: Props) {
  const copy = video.mediaCopy;
  // Here rather than beside the button: a retry that worked hides the button, and its message stays.
  const { pending, outcome, run } = useActionOutcome();
  const retry = () =>
    run(async () => {
      try {
        await fetchJson(`/api/admin/videos/${video.id}/media-copy`, { method: "POST" });
        return "Copying it again.";
      } catch (caught) {
        throw new Error(`It was not retried: ${(caught as Error).message}`);
      } finally {
        onChanged();
      }
    });
  return (
    <div data-testid="media-copy" data-state={copy.state} className="space-y-1">
      <h3 className="text-sm font-medium text-slate-600">Where its media lives</h3>
      {copy.state === "failed" ? (
        <FailedCopy video={video} copy={copy} pending={pending} onRetry={retry} />
      ) : (
        describe(video, copy, bucket).map((line, index) => (
          <p key={index} className={`text-sm break-words ${index > 0 ? "text-slate-600" : ""}`}>
            {line}
          </p>
        ))
      )}
      <ActionOutcome outcome={outcome} />
    </div>
  );
}

/** What the panel says of a copy that is not given up on: a line, and what it means for viewers when that matters. */
function describe(video: AdminVideo, copy: MediaCopyState, bucket: string | null): string[] {
  switch (copy.state) {
    case "stored": {
      const where =
        copy.storage === "s3"
          ? `Stored in S3${bucket ? ` bucket ${bucket}` : ""}`
          : "Stored on this server (local disk)";
      const size = copy.bytes === null ? "" : `: ${formatBytes(copy.bytes)}`;
      return [`${where}${size}${copy.storedAt ? `, since ${formatDate(copy.storedAt)}` : ""}.`];
    }
    case "copying":
      return [
        `Copying from HeyGen…${copy.attempts > 0 ? ` (attempt ${copy.attempts})` : ""}`,
        `${copy.error ? `The last try failed: ${copy.error.replace(/\.$/, "")}. ` : ""}Viewers get HeyGen’s links until it is stored.`,
      ];
    default:
      return [
        video.status === "FAILED"
          ? "Nothing to store: the video failed."
          : "At HeyGen while it renders; copied here once it is ready.",
      ];
  }
}

type FailedCopyProps = { video: AdminVideo; copy: MediaCopyState; pending: boolean; onRetry: () => void };

function FailedCopy({ video, copy, pending, onRetry }: FailedCopyProps) {
  const tries = `${copy.attempts} ${copy.attempts === 1 ? "attempt" : "attempts"}`;
  return (
    <div className="space-y-2">
      <p className="text-sm break-words text-red-700">Stored: failed — {copy.error ?? "no reason was recorded"}</p>
      <p className="text-sm text-slate-600">
        Given up after {tries}; viewers get HeyGen’s links, which stop working if HeyGen loses the video.
      </p>
      <button type="button" onClick={onRetry} disabled={pending} className={smallButton}>
        {pending ? "Retrying…" : "Retry"}
        <span className="sr-only"> copying “{video.title}”</span>
      </button>
    </div>
  );
}
