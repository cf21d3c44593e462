import Link from "next/link";
import { focusRing } from "@/components/ui/focus-ring";
import { searchOf, type VideoListQuery } from "@/lib/video-list-query";

const link = `rounded-md px-3 py-2 font-medium text-indigo-700 hover:bg-indigo-50 hover:text-indigo-900 ${focusRing}`;

/** "Newest" back to the first page, "Older videos" on to the next, both keeping the filters; nothing on a single page. */
export function AdminVideoPagination({ query, nextCursor }: { query: VideoListQuery; nextCursor: string | null }) {
  const { status, copy, q } = query;
  if (!query.cursor && !nextCursor) return null;
  return (
    <nav aria-label="Video list pages" className="mt-6 flex items-center border-t border-slate-200 pt-4">
      {query.cursor && (
        <Link href={`/admin/videos${searchOf({ status, copy, q })}`} className={link}>
          <span aria-hidden>← </span>Newest
        </Link>
      )}
      {nextCursor && (
        <Link
          href={`/admin/videos${searchOf({ status, copy, q, cursor: nextCursor })}`}
          rel="next"
          className={`ml-auto ${link}`}
        >
          Older videos<span aria-hidden> →</span>
        </Link>
      )}
    </nav>
  );
}
