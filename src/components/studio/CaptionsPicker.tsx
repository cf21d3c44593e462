import { ChoiceChip } from "@/components/ui/ChoiceChip";
import type { CaptionMode } from "@/lib/generation-options";

const CAPTION_LABELS: Record<CaptionMode, string> = {
  sidecar: "Subtitles the viewer can turn on",
  burned: "Also burned into the picture",
};

/** HeyGen always makes a subtitle file (the player's captions); burning them in draws them on every copy too. */
export function CaptionsPicker(props: {
  value: CaptionMode;
  onChange: (value: CaptionMode) => void;
  error?: React.ReactNode;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">Captions</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {(Object.keys(CAPTION_LABELS) as CaptionMode[]).map((mode) => (
          <ChoiceChip
            key={mode}
            name="options.captions"
            value={mode}
            checked={props.value === mode}
            onChange={() => props.onChange(mode)}
          >
            {CAPTION_LABELS[mode]}
          </ChoiceChip>
        ))}
      </div>
      {props.error}
    </fieldset>
  );
}
