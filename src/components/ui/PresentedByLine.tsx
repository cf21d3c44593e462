import type { PresentedBy } from "@/lib/video";

/**
 * Who presents a video: a round face (the look's picture, when at hand) and the name. The picture is decorative:
 * the name says it. A plain <img>: HeyGen's URLs are signed and expire, and next/image would cache them past that.
 */
export function PresentedByLine({ presentedBy, className = "" }: { presentedBy: PresentedBy; className?: string }) {
  return (
    <p className={`flex min-w-0 items-center gap-2 text-sm text-slate-600 ${className}`} data-testid="presented-by">
      {presentedBy.imageUrl && (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={presentedBy.imageUrl}
          alt=""
          className="size-6 shrink-0 rounded-full bg-slate-200 object-cover object-top"
          loading="lazy"
        />
      )}
      <span className="min-w-0 truncate">
        <span className="sr-only">Presented by </span>
        {presentedBy.name}
      </span>
    </p>
  );
}
