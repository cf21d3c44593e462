import { inputClass } from "@/components/ui/styles";
import { TITLE_MAX_LENGTH } from "@/lib/limits";

/** The video's title. Its refusal (from the form's check or the server) shows here, tied to the input. */
export function TitleField(props: { value: string; onChange: (title: string) => void; error?: React.ReactNode }) {
  const { value, onChange, error } = props;
  return (
    <div>
      <label htmlFor="studio-title" className="text-sm font-medium">
        Title
      </label>
      <input
        id="studio-title"
        name="title"
        required
        maxLength={TITLE_MAX_LENGTH}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={error ? "studio-title-error" : undefined}
        className={inputClass}
        placeholder="Welcome to the team"
      />
      {error && <div id="studio-title-error">{error}</div>}
    </div>
  );
}
