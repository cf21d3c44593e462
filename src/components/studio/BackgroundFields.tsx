import type { OptionsFieldsProps } from "@/components/studio/options-fields-props";
import { ChoiceChip } from "@/components/ui/ChoiceChip";
import { inputClass } from "@/components/ui/styles";
import type { OutputFormat } from "@/lib/generation-options";
import type { BackgroundKind } from "@/lib/studio-draft";

const OUTPUT_FORMAT_LABELS: Record<OutputFormat, string> = { mp4: "MP4", webm: "WebM, transparent" };
const BACKGROUND_LABELS: Record<BackgroundKind, string> = {
  none: "The look’s own",
  color: "A colour",
  image: "An image",
};

/** Output container and what is behind the avatar. A transparent WebM has no background, so those choices rest. */
export function BackgroundFields({ draft, onChange, errorFor }: OptionsFieldsProps) {
  const webm = draft.outputFormat === "webm";
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-sm font-semibold">File</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {(Object.keys(OUTPUT_FORMAT_LABELS) as OutputFormat[]).map((format) => (
            <ChoiceChip
              key={format}
              name="options.outputFormat"
              value={format}
              checked={draft.outputFormat === format}
              onChange={() => onChange({ outputFormat: format })}
            >
              {OUTPUT_FORMAT_LABELS[format]}
            </ChoiceChip>
          ))}
        </div>
        {errorFor("options.outputFormat")}
      </fieldset>
      <fieldset disabled={webm} aria-describedby={webm ? "background-webm-note" : undefined} className="space-y-3">
        <legend className="text-sm font-semibold">Background</legend>
        {webm && (
          <p id="background-webm-note" className="text-xs text-slate-600">
            A WebM video is transparent: HeyGen removes the background itself, and takes no other.
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          {(Object.keys(BACKGROUND_LABELS) as BackgroundKind[]).map((kind) => (
            <ChoiceChip
              key={kind}
              name="options.background"
              value={kind}
              checked={draft.backgroundKind === kind}
              onChange={() => onChange({ backgroundKind: kind })}
            >
              {BACKGROUND_LABELS[kind]}
            </ChoiceChip>
          ))}
        </div>
        {draft.backgroundKind === "color" && (
          <label className="flex items-center gap-3">
            <input
              type="color"
              name="options.background.value"
              value={draft.backgroundColor}
              onChange={(e) => onChange({ backgroundColor: e.target.value })}
              className="h-10 w-14 cursor-pointer rounded-md border border-slate-300"
            />
            <span className="text-sm">
              Background colour <span className="font-mono text-slate-600">{draft.backgroundColor.toUpperCase()}</span>
            </span>
          </label>
        )}
        {draft.backgroundKind === "image" && (
          <label className="block">
            <span className="text-sm font-medium">Background image URL</span>
            <input
              type="url"
              name="options.background.url"
              value={draft.backgroundImageUrl}
              onChange={(e) => onChange({ backgroundImageUrl: e.target.value })}
              className={inputClass}
              placeholder="https://example.com/office.jpg"
              inputMode="url"
            />
            <span className="mt-1 block text-xs text-slate-600">A public https link to a JPEG or PNG.</span>
          </label>
        )}
        {errorFor("options.background")}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="options.removeBackground"
            checked={draft.removeBackground && !webm}
            onChange={(e) => onChange({ removeBackground: e.target.checked })}
            className="h-4 w-4 accent-indigo-600"
          />
          Remove the look’s own background (looks trained with matting only)
        </label>
        {errorFor("options.removeBackground")}
      </fieldset>
    </div>
  );
}
