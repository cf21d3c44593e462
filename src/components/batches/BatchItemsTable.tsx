import Link from "next/link";
import { focusRing } from "@/components/ui/focus-ring";
import type { BatchItemView } from "@/lib/batch";
import { ItemStateBadge } from "./Badges";

/**
 * Every item of the batch: its day, script and presenter (and, for a translation, its language), its state in words,
 * its video and what went wrong.
 */
export function BatchItemsTable({ items }: { items: BatchItemView[] }) {
  if (items.length === 0) return <p className="text-slate-700">This batch has no items.</p>;
  return (
    <table className="w-full table-fixed text-left text-sm">
      <caption className="sr-only">Items of the batch, by day and presenter</caption>
      <thead className="border-b border-slate-300 text-slate-700">
        <tr>
          <th scope="col" className="w-20 py-2 pr-2 font-medium sm:w-28">
            Day
          </th>
          <th scope="col" className="py-2 pr-2 font-medium">
            Script and presenter
          </th>
          <th scope="col" className="w-28 py-2 font-medium sm:w-36">
            State
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {items.map((item) => (
          <tr key={item.id} data-item-id={item.id} className="align-top">
            <td className="py-2 pr-2">
              <time dateTime={item.date}>{dayLabel(item.date)}</time>
            </td>
            <td className="min-w-0 py-2 pr-2 break-words">
              <span className="font-medium">{item.title}</span>
              <span className="block text-slate-700">{item.presenter.name}</span>
              {item.language && (
                <span className="block text-slate-700" data-testid="item-language">
                  Translation into {item.language}
                </span>
              )}
              {item.error && <span className="block text-red-700">{item.error}</span>}
            </td>
            <td className="space-y-1 py-2">
              <ItemStateBadge state={item.state} />
              {item.videoId && (
                <Link href={`/videos/${item.videoId}`} className={`block w-fit text-indigo-700 underline ${focusRing}`}>
                  {item.language ? "Translation" : "Video"}
                  <span className="sr-only">
                    {" "}
                    of “{item.title}” by {item.presenter.name}
                    {item.language && ` into ${item.language}`}
                  </span>
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
