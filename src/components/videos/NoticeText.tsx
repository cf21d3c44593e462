import Link from "next/link";
import type { Notice } from "@/components/videos/AdminVideoActions";
import { focusRing } from "@/components/ui/focus-ring";

/** What a video action said, with its link (the new video of a regenerate): the list and the watch page alike. */
export function NoticeText({ notice, className }: { notice: Notice; className?: string }) {
  return (
    <p className={className}>
      {notice.message}
      {notice.link && (
        <>
          {" "}
          <Link href={notice.link.href} className={`font-medium underline ${focusRing}`}>
            {notice.link.label}
          </Link>
        </>
      )}
    </p>
  );
}
