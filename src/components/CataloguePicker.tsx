import { inputClass } from "@/components/ui/styles";

type Option = { id: string; label: string };

/** A select over HeyGen's catalogue, or a plain id field when the catalogue could not be loaded. */
export function CataloguePicker(props: { name: string; label: string; options: Option[]; children?: React.ReactNode }) {
  const { name, label, options, children } = props;
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      {options.length > 0 ? (
        <select name={name} required className={inputClass} defaultValue={options[0]?.id}>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input name={name} required className={inputClass} placeholder={`HeyGen ${label.toLowerCase()} id`} />
      )}
      {children}
    </label>
  );
}
