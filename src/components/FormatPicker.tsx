import { inputClass } from "@/components/ui/styles";
import {
  ASPECT_RATIO_LABELS,
  ASPECT_RATIOS,
  DEFAULT_RESOLUTION,
  frameSize,
  ratioOf,
  RESOLUTION_LABELS,
  RESOLUTIONS,
  type AspectRatio,
} from "@/lib/video-format";

/** Aspect ratio (controlled: a look's preferred orientation pre-selects it) × resolution. */
export function FormatPicker(props: { aspectRatio: AspectRatio; onAspectRatioChange: (value: AspectRatio) => void }) {
  const { aspectRatio, onAspectRatioChange } = props;
  return (
    <div className="grid gap-5 sm:grid-cols-[1fr_auto]">
      <fieldset>
        <legend className="text-sm font-medium">Format</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {ASPECT_RATIOS.map((ratio) => (
            <label
              key={ratio}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-700"
            >
              <input
                type="radio"
                name="aspectRatio"
                value={ratio}
                checked={aspectRatio === ratio}
                onChange={() => onAspectRatioChange(ratio)}
                className="sr-only"
              />
              <span
                aria-hidden
                className="inline-block border-2 border-current text-slate-500"
                style={{ width: 14 * Math.min(1, ratioOf(ratio)), height: 14 / Math.max(1, ratioOf(ratio)) }}
              />
              {ASPECT_RATIO_LABELS[ratio]}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block">
        <span className="text-sm font-medium">Resolution</span>
        <select name="resolution" className={inputClass} defaultValue={DEFAULT_RESOLUTION}>
          {RESOLUTIONS.map((resolution) => {
            const { width, height } = frameSize(aspectRatio, resolution);
            return (
              <option key={resolution} value={resolution}>
                {RESOLUTION_LABELS[resolution]} ({width}×{height})
              </option>
            );
          })}
        </select>
      </label>
    </div>
  );
}
