"use client";

import Link from "next/link";
import { StatusBadge } from "@/components/videos/StatusBadge";
import { focusRing } from "@/components/ui/focus-ring";
import { usePending } from "@/hooks/use-pending";
import { formatAge } from "@/lib/format";
import type { PendingView } from "@/lib/pending";
import type { OverdueRule } from "@/lib/render-time";

const link = `text-indigo-700 underline ${focusRing}`;

/** Every video in flight, oldest first, read again every few seconds; the overdue ones say so in words. */
export function PendingList({ initial }: { initial: PendingView }) {
  const { data, error } = usePending(initial);
  const view = data ?? initial;
  const now = Date.parse(view.generatedAt);
  const overdue = view.videos.filter((video) => video.overdue).length;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {view.total === 0
          ? "Nothing is rendering."
          : `${view.total} in flight${overdue ? `, ${overdue} overdue` : ""}.`}{" "}
        A video is overdue after {overdueWords(view.overdueAfterSeconds)} ({RULE_WORDS[view.overdueRule]}).
        {view.total > view.videos.length && ` The ${view.videos.length} oldest are shown.`}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          Could not read the latest list ({(error as Error).message}); trying again.
        </p>
      )}
      {view.videos.length > 0 && (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {view.videos.map((video) => (
            <li
              key={video.id}
              data-video-id={video.id}
              className={`space-y-1 px-3 py-2 text-sm ${video.overdue ? "bg-amber-50" : ""}`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/videos/${video.id}`} className={`min-w-0 font-medium break-words ${link}`}>
                  {video.title}
                </Link>
                <StatusBadge status={video.status} />
                {video.overdue && <span className="font-semibold text-amber-900">Overdue: older than usual</span>}
              </div>
              <p className="text-slate-700">
                Started {formatAge(new Date(now - video.ageSeconds * 1000).toISOString(), now)} · last news from HeyGen{" "}
                {formatAge(video.lastNewsAt, now)} ·{" "}
                {video.translationOf ? (
                  <>
                    {video.batchId ? (
                      <Link href={`/admin/batches/${video.batchId}`} className={link}>
                        a batch’s
                      </Link>
                    ) : (
                      "a"
                    )}{" "}
                    translation into {video.translationOf.language} of{" "}
                    <Link href={`/videos/${video.translationOf.sourceId}`} className={link}>
                      its video
                    </Link>
                  </>
                ) : video.batchId ? (
                  <Link href={`/admin/batches/${video.batchId}`} className={link}>
                    from a batch
                  </Link>
                ) : (
                  "from the studio"
                )}
              </p>
              {video.unconfirmedReason && (
                <p className="text-amber-900">HeyGen has not confirmed the job yet: {video.unconfirmedReason}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const RULE_WORDS: Record<OverdueRule, string> = {
  twice_typical: "twice the typical render time",
  minimum: "the minimum: twice the typical render time is shorter",
  no_history: "no video has finished yet to learn the typical render time from",
};

const overdueWords = (seconds: number) =>
  seconds < 120 ? `${seconds} seconds` : `${Math.round(seconds / 60)} minutes`;
