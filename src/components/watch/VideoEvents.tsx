import { Fragment } from "react";
import type { VideoDelivery } from "@/lib/admin-video-detail";
import { formatDate } from "@/lib/format";

const SCHEMES: Record<string, string> = {
  signed_v3: "signed (v3)",
  signed_legacy: "signed (legacy)",
  unsigned: "unsigned hint",
  events_api: "caught up (events API)",
};

/** For admins on a video's page: every HeyGen delivery about it, newest first (kept live by AdminVideoPanel). */
export function VideoEvents({ deliveries }: { deliveries: VideoDelivery[] }) {
  return (
    <section aria-labelledby="events-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="events-heading" className="font-semibold">
        HeyGen events
      </h2>
      {deliveries.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">None received yet.</p>
      ) : (
        <table className="mt-2 w-full text-left text-sm" data-testid="video-events">
          <thead className="text-slate-600">
            <tr>
              <th className="py-1 font-medium">Received</th>
              <th className="py-1 font-medium">Event</th>
              <th className="hidden py-1 font-medium sm:table-cell">How</th>
              <th className="py-1 font-medium">Outcome</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {deliveries.map((delivery) => (
              <tr key={delivery.id}>
                <td className="py-1 pr-3 sm:whitespace-nowrap">{formatDate(delivery.receivedAt)}</td>
                <td className="py-1 pr-3">
                  {delivery.eventType ? <EventName type={delivery.eventType} /> : "—"}
                  {/* On a phone four columns leave the event's name a letter wide: how it came goes under it. */}
                  <span className="block text-xs text-slate-600 sm:hidden">{how(delivery)}</span>
                </td>
                <td className="hidden py-1 pr-3 sm:table-cell">{how(delivery)}</td>
                <td className="py-1">
                  {delivery.outcome}
                  {delivery.detail && <span className="block text-xs text-slate-600">{delivery.detail}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * "avatar_video.success" may wrap after its dot, never inside a word. The cell keeps the normal overflow-wrap: one
 * that breaks anywhere lets a table squeeze the column to a letter wide and wrap the name mid-word (issue 16).
 */
function EventName({ type }: { type: string }) {
  return (
    <span data-testid="event-name">
      {type.split(".").map((part, index) => (
        <Fragment key={index}>
          {index > 0 && (
            <>
              .<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

const how = (delivery: VideoDelivery) => SCHEMES[delivery.scheme] ?? delivery.scheme;
