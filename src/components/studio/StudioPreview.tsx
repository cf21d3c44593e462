import { ASPECT_RATIO_LABELS, frameSize, ratioOf, RESOLUTION_LABELS } from "@/lib/video-format";
import type { StudioDraft } from "@/lib/studio-draft";

/** The tallest the frame gets, so that a portrait frame leaves the Generate button in view beneath it. */
const MAX_HEIGHT_REM = 20;

/**
 * What the video will look like: the chosen look in the chosen frame (its aspect ratio) on the chosen background, with
 * burned-in captions when asked for. A sketch, not a render: the look's own preview image, never cropped.
 * A background image is named, not loaded: the page may load images only from HeyGen and the app (its CSP).
 */
export function StudioPreview({ draft }: { draft: StudioDraft }) {
  const { look, options, aspectRatio, resolution } = draft;
  const webm = options.outputFormat === "webm";
  const background = webm ? "transparent" : options.backgroundKind;
  const { width, height } = frameSize(aspectRatio, resolution);
  const firstWords = draft.script.trim().split(/\s+/).slice(0, 8).join(" ");
  return (
    <figure data-testid="studio-preview" data-aspect-ratio={aspectRatio} data-background={background}>
      <div
        className={`relative mx-auto overflow-hidden rounded-md border border-slate-300 ${frameClass[background]}`}
        style={{
          aspectRatio: `${width} / ${height}`,
          width: `min(100%, ${(MAX_HEIGHT_REM * ratioOf(aspectRatio)).toFixed(2)}rem)`,
          ...(background === "color" && { backgroundColor: options.backgroundColor }),
          ...(background === "transparent" && CHECKERBOARD),
        }}
      >
        {background === "image" && (
          <span className="absolute top-1.5 left-1.5 max-w-[90%] truncate rounded bg-white/80 px-1.5 text-xs text-slate-700">
            Background: {fileName(options.backgroundImageUrl) || "an image"}
          </span>
        )}
        {look?.previewImageUrl ? (
          // Signed, expiring HeyGen URLs: next/image's optimiser would cache them past expiry.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={look.previewImageUrl}
            alt=""
            className="absolute inset-0 h-full w-full object-contain object-bottom"
          />
        ) : (
          <span className="absolute inset-0 grid place-items-center p-2 text-center text-sm text-slate-600">
            {look ? "No preview image for this look" : "Pick a look"}
          </span>
        )}
        {options.captions === "burned" && firstWords && (
          <span className="absolute inset-x-2 bottom-2 line-clamp-2 rounded bg-black/70 px-2 py-0.5 text-center text-xs text-white">
            {firstWords}
          </span>
        )}
      </div>
      <figcaption className="mt-2 text-sm text-slate-600">
        <span className="font-medium text-slate-900">{look?.name ?? (draft.lookId || "No look yet")}</span> ·{" "}
        {ASPECT_RATIO_LABELS[aspectRatio]} · {RESOLUTION_LABELS[resolution]} ({width}×{height}) ·{" "}
        {BACKGROUND[background]}
      </figcaption>
    </figure>
  );
}

const frameClass = { none: "bg-slate-100", color: "", image: "bg-slate-200", transparent: "" } as const;

/** How editors show transparency. */
const CHECKERBOARD = {
  backgroundImage: "repeating-conic-gradient(#e2e8f0 0% 25%, #ffffff 0% 50%)",
  backgroundSize: "16px 16px",
};

const BACKGROUND: Record<keyof typeof frameClass, string> = {
  none: "the look’s own background",
  color: "a colour background",
  image: "an image background",
  transparent: "transparent (WebM)",
};

function fileName(url: string): string {
  try {
    return new URL(url.trim()).pathname.split("/").pop() ?? "";
  } catch {
    return "";
  }
}
