import { ChoiceChip } from "@/components/ui/ChoiceChip";
import { inputClass } from "@/components/ui/styles";
import {
  ASPECT_RATIO_LABELS,
  ASPECT_RATIOS,
  frameSize,
  ratioOf,
  RESOLUTION_LABELS,
  RESOLUTIONS,
  type AspectRatio,
  type Resolution,
} from "@/lib/video-format";

type Props = {
  aspectRatio: AspectRatio;
  resolution: Resolution;
  onChange: (patch: { aspectRatio?: AspectRatio; resolution?: Resolution }) => void;
  error?: React.ReactNode;
};

/** Aspect ratio (a look's preferred orientation pre-selects it) × resolution. */
export function FormatPicker({ aspectRatio, resolution, onChange, error }: Props) {
  return (
    <div className="grid gap-5 sm:grid-cols-[1fr_auto]">
      <fieldset>
        <legend className="text-sm font-medium">Format</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {ASPECT_RATIOS.map((ratio) => (
            <ChoiceChip
              key={ratio}
              name="aspectRatio"
              value={ratio}
              checked={aspectRatio === ratio}
              onChange={() => onChange({ aspectRatio: ratio })}
            >
              <span
                aria-hidden
                className="inline-block border-2 border-current text-slate-500"
                style={{ width: 14 * Math.min(1, ratioOf(ratio)), height: 14 / Math.max(1, ratioOf(ratio)) }}
              />
              {ASPECT_RATIO_LABELS[ratio]}
            </ChoiceChip>
          ))}
        </div>
      </fieldset>
      <label className="block">
        <span className="text-sm font-medium">Resolution</span>
        <select
          name="resolution"
          className={inputClass}
          value={resolution}
          onChange={(e) => onChange({ resolution: e.target.value as Resolution })}
        >
          {RESOLUTIONS.map((option) => {
            const { width, height } = frameSize(aspectRatio, option);
            return (
              <option key={option} value={option}>
                {RESOLUTION_LABELS[option]} ({width}×{height})
              </option>
            );
          })}
        </select>
      </label>
      {error && <div className="sm:col-span-2">{error}</div>}
    </div>
  );
}
