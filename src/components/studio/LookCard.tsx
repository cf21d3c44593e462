"use client";

import { useState } from "react";
import { ORIENTATION_LABELS, type Look } from "@/lib/catalogue";

/**
 * One look as a radio card: its preview image, and its preview video playing (muted, looping) while the
 * pointer is over it or it has keyboard focus, unless the admin asked for reduced motion.
 */
export function LookCard(props: { look: Look; checked: boolean; onPick: (look: Look) => void }) {
  const { look, checked, onPick } = props;
  const [previewing, setPreviewing] = useState(false);

  const start = () => {
    if (!look.previewVideoUrl || matchMedia("(prefers-reduced-motion: reduce)").matches) return;
    setPreviewing(true);
  };
  const stop = () => setPreviewing(false);

  return (
    <label
      className="relative block cursor-pointer sm:w-36"
      data-look-id={look.id}
      onPointerEnter={start}
      onPointerLeave={stop}
    >
      <input
        type="radio"
        name="avatarId"
        value={look.id}
        checked={checked}
        onChange={() => onPick(look)}
        onFocus={start}
        onBlur={stop}
        className="peer sr-only"
      />
      <span className="block overflow-hidden rounded-md border border-slate-200 bg-white peer-checked:border-indigo-600 peer-checked:ring-2 peer-checked:ring-indigo-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-700">
        {/* A fixed height, the image whole within it: a portrait look shows portrait, a landscape one landscape. */}
        <span className="relative block h-36 bg-slate-100">
          {look.previewImageUrl && (
            // Signed, expiring HeyGen URLs: next/image's optimiser would cache them past expiry.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={look.previewImageUrl} alt="" className="h-full w-full object-contain" loading="lazy" />
          )}
          {previewing && look.previewVideoUrl && (
            <video
              key={look.previewVideoUrl}
              ref={playOnMount}
              src={look.previewVideoUrl}
              muted
              loop
              playsInline
              preload="auto"
              aria-hidden
              className="absolute inset-0 h-full w-full object-contain"
            />
          )}
          {look.ownership === "private" && (
            <span className="absolute top-1.5 left-1.5 rounded bg-slate-900 px-1.5 py-0.5 text-xs font-medium text-white">
              Your own
            </span>
          )}
          {checked && (
            <span
              aria-hidden
              className="absolute top-1.5 right-1.5 rounded bg-indigo-600 px-1.5 py-0.5 text-xs font-medium text-white"
            >
              Chosen
            </span>
          )}
        </span>
        <span className="line-clamp-2 px-2 pt-1 text-sm leading-tight font-medium" title={look.name}>
          {look.name}
        </span>
        <span className="block truncate px-2 pb-1 text-xs text-slate-600">
          {look.preferredOrientation ? ORIENTATION_LABELS[look.preferredOrientation] : "Any format"}
        </span>
      </span>
    </label>
  );
}

// Muted, so browsers allow it; a refused play() leaves the still image, which is fine.
const playOnMount = (video: HTMLVideoElement | null) => void video?.play().catch(() => {});
