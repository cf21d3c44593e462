import { inputClass } from "@/components/ui/styles";
import type { StartingPresenter } from "@/lib/presenter-draft";

/**
 * "Start from a presenter": picking one fills the look, voice, format and options below with its own (the title and
 * script stay). Nothing is shown while there is no active presenter: "Save as presenter" below makes the first.
 */
export function StartFromPresenter(props: {
  presenters: StartingPresenter[];
  value: string;
  onPick: (starting: StartingPresenter | null) => void;
}) {
  const { presenters, value, onPick } = props;
  if (presenters.length === 0) return null;
  return (
    <div>
      <label htmlFor="studio-presenter" className="text-sm font-medium">
        Start from a presenter
      </label>
      <select
        id="studio-presenter"
        name="presenterId"
        value={value}
        onChange={(e) => onPick(presenters.find(({ presenter }) => presenter.id === e.target.value) ?? null)}
        aria-describedby="studio-presenter-hint"
        className={inputClass}
      >
        <option value="">None: choose the look and voice below</option>
        {presenters.map(({ presenter, look }) => (
          <option key={presenter.id} value={presenter.id}>
            {presenter.name}
            {look ? ` (${look.name})` : ""}
          </option>
        ))}
      </select>
      <p id="studio-presenter-hint" className="mt-1 text-xs text-slate-600">
        Fills the look, voice, format and options with the presenter’s; the video is theirs while the look stays.
      </p>
    </div>
  );
}
