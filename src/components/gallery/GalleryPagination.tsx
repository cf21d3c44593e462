import Link from "next/link";
import { focusRing } from "@/components/ui/focus-ring";

const link = `rounded-md px-3 py-2 font-medium text-indigo-700 hover:bg-indigo-50 hover:text-indigo-900 ${focusRing}`;

/** "Newest" back to the first page, "Older videos" on to the next; nothing when there is one page only. */
export function GalleryPagination({ showNewest, olderCursor }: { showNewest: boolean; olderCursor: string | null }) {
  if (!showNewest && !olderCursor) return null;
  return (
    <nav aria-label="Gallery pages" className="mt-10 flex items-center border-t border-slate-200 pt-4">
      {showNewest && (
        <Link href="/" className={link}>
          <span aria-hidden>← </span>Newest
        </Link>
      )}
      {olderCursor && (
        <Link href={{ pathname: "/", query: { before: olderCursor } }} rel="next" className={`ml-auto ${link}`}>
          Older videos<span aria-hidden> →</span>
        </Link>
      )}
    </nav>
  );
}
