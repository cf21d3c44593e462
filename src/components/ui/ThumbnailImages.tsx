/**
 * A video's thumbnail inside a fixed 16:9 box (the parent: `relative`, sized, `overflow-hidden`): portrait and
 * square ones are shown whole over a blurred copy of themselves instead of black bars, so rows and grids line up
 * and nothing moves as images load. Plain <img>s: HeyGen's URLs are signed and expire, and next/image's optimiser
 * would cache them past that.
 */
export function ThumbnailImages({
  url,
  aspectRatio,
  className = "",
}: {
  url: string;
  aspectRatio: string;
  className?: string;
}) {
  return (
    <>
      {aspectRatio !== "16:9" && (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={url}
          alt=""
          className="absolute inset-0 size-full scale-110 object-cover opacity-60 blur-xl"
          aria-hidden
        />
      )}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={url} alt="" className={`relative size-full object-contain ${className}`} loading="lazy" />
    </>
  );
}
