import { StatusBadge } from "@/components/videos/StatusBadge";
import { formatUsd } from "@/lib/cost";
import { formatAge, formatRoughDuration } from "@/lib/format";
import { PRICE_PER_SECOND_USD } from "@/lib/limits";
import type { PeriodFigures, VideoFigures as Figures } from "@/lib/overview";
import { STATUS_LABELS, type VideoStatus } from "@/lib/video";
import { Fact, Facts, Panel, TextLink } from "./Panel";

const STATUSES = Object.keys(STATUS_LABELS) as VideoStatus[];

/** Videos by status today and ever, what is rendering now, how long renders take, and what the output cost. */
export function VideoFigures({ videos }: { videos: Figures }) {
  const { today, allTime, inProgress, typicalRenderSeconds } = videos;
  return (
    <Panel id="videos" title="Videos">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Videos by status, created today (since midnight UTC) and all time</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 font-medium">
              Status
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Today
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              All time
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {STATUSES.map((status) => (
            <tr key={status} data-status={status}>
              <th scope="row" className="py-1 font-normal">
                <StatusBadge status={status} />
              </th>
              <td className="py-1 text-right tabular-nums">{today.counts[status]}</td>
              <td className="py-1 text-right tabular-nums">{allTime.counts[status]}</td>
            </tr>
          ))}
          <tr className="font-semibold">
            <th scope="row" className="py-1 text-left">
              Total
            </th>
            <td className="py-1 text-right tabular-nums">{total(today)}</td>
            <td className="py-1 text-right tabular-nums">{total(allTime)}</td>
          </tr>
        </tbody>
      </table>
      <Facts>
        <Fact term="Rendering now">
          {inProgress.count === 0 ? "Nothing" : `${inProgress.count} ${inProgress.count === 1 ? "video" : "videos"}`}
          {inProgress.oldest && (
            <>
              {"; the oldest, "}
              <TextLink href={`/videos/${inProgress.oldest.id}`}>{inProgress.oldest.title}</TextLink>
              {`, was created ${formatAge(inProgress.oldest.createdAt)}`}
            </>
          )}
        </Fact>
        <Fact term="Typical render">
          {typicalRenderSeconds === null
            ? "No render has finished yet"
            : `${formatRoughDuration(typicalRenderSeconds)} (median of recent renders)`}
        </Fact>
        <Fact term="Output today">{output(today)}</Fact>
        <Fact term="Output all time">{output(allTime)}</Fact>
      </Facts>
      <p className="text-xs text-slate-600">
        Output is the length of the videos that completed, priced at HeyGen&apos;s published{" "}
        {formatUsd(PRICE_PER_SECOND_USD)} a second: an estimate, not HeyGen&apos;s invoice.
      </p>
    </Panel>
  );
}

const total = (period: PeriodFigures) => STATUSES.reduce((sum, status) => sum + period.counts[status], 0);

const output = (period: PeriodFigures) =>
  `${Math.round(period.renderedSeconds).toLocaleString("en-US")} s, about ${formatUsd(period.costUsd)}`;
