import { ChoiceChip } from "@/components/ui/ChoiceChip";
import { inputClass } from "@/components/ui/styles";
import { PUBLISH_CHOICES, type PublishChoice } from "@/lib/studio-draft";

const CHOICES: Record<PublishChoice, { label: string; hint: string }> = {
  ready: { label: "Publish when ready", hint: "Public: in the gallery and feeds once made" },
  unlisted: { label: "Unlisted", hint: "Anyone with the link; listed nowhere" },
  draft: { label: "Keep as draft", hint: "Review before publishing; viewers cannot see it" },
  at: { label: "Publish at …", hint: "Public from a moment you choose" },
};

/** Message for "Publish at …" with no moment picked: the form says it before sending. */
export const PUBLISH_AT_MISSING = "Pick the day and time to publish it.";

/**
 * "Who can see it": a radio group (arrow keys move between the choices), and with "Publish at …" a date and time in
 * the admin's own time zone. A refusal of either shows here, tied to its control.
 */
export function VisibilityField(props: {
  value: PublishChoice;
  publishAt: string;
  onChange: (change: { publish?: PublishChoice; publishAt?: string }) => void;
  errorFor: (field: string) => React.ReactNode;
}) {
  const { value, publishAt, onChange, errorFor } = props;
  const visibilityError = errorFor("visibility");
  const momentError = errorFor("publishAt");
  return (
    <fieldset data-field="visibility">
      <legend className="text-sm font-medium">Who can see it</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {PUBLISH_CHOICES.map((choice) => (
          <ChoiceChip
            key={choice}
            name="visibility"
            value={choice}
            checked={value === choice}
            onChange={() => onChange({ publish: choice })}
          >
            <span>
              <span className="block font-medium">{CHOICES[choice].label}</span>
              <span className="block text-slate-600">{CHOICES[choice].hint}</span>
            </span>
          </ChoiceChip>
        ))}
      </div>
      {visibilityError}
      {value === "at" ? (
        <div className="mt-3">
          <label htmlFor="studio-publish-at" className="text-sm font-medium">
            Publish at <span className="font-normal text-slate-600">(your local time)</span>
          </label>
          <input
            id="studio-publish-at"
            name="publishAt"
            type="datetime-local"
            required
            value={publishAt}
            onChange={(e) => onChange({ publishAt: e.target.value })}
            aria-invalid={!!momentError}
            aria-describedby={momentError ? "studio-publish-at-error" : undefined}
            className={`${inputClass} sm:max-w-xs`}
          />
          {momentError && <div id="studio-publish-at-error">{momentError}</div>}
        </div>
      ) : (
        momentError
      )}
    </fieldset>
  );
}
