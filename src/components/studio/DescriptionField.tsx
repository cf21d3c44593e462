import { inputClass } from "@/components/ui/styles";
import { DESCRIPTION_MAX_LENGTH } from "@/lib/limits";

/** The video's optional description, shown under its title on the watch page. Its refusal shows here, tied to it. */
export function DescriptionField(props: {
  value: string;
  onChange: (description: string) => void;
  error?: React.ReactNode;
}) {
  const { value, onChange, error } = props;
  return (
    <div>
      <label htmlFor="studio-description" className="text-sm font-medium">
        Description <span className="font-normal text-slate-600">(optional)</span>
      </label>
      <textarea
        id="studio-description"
        name="description"
        rows={2}
        maxLength={DESCRIPTION_MAX_LENGTH}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={error ? "studio-description-error" : undefined}
        className={inputClass}
        placeholder="What viewers read under the title"
      />
      {error && <div id="studio-description-error">{error}</div>}
    </div>
  );
}
