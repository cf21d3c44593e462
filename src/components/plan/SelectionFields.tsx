import { ChoiceChip } from "@/components/ui/ChoiceChip";
import { focusRing } from "@/components/ui/focus-ring";
import { inputClass } from "@/components/ui/styles";

export type Cover = "all" | "tag" | "presenters";

const COVERS: Array<{ value: Cover; label: string }> = [
  { value: "all", label: "Every presenter" },
  { value: "tag", label: "One tag" },
  { value: "presenters", label: "Some presenters" },
];

type Props = {
  cover: Cover;
  onCover: (cover: Cover) => void;
  tags: string[];
  tag: string;
  onTag: (tag: string) => void;
  presenters: Array<{ id: string; name: string }>;
  picked: string[];
  onPicked: (ids: string[]) => void;
};

/** What a batch covers: the whole month, one tag's scripts, or some presenters' (a radio, then its one control). */
export function SelectionFields(props: Props) {
  const toggle = (id: string, on: boolean) =>
    props.onPicked(on ? [...props.picked, id] : props.picked.filter((picked) => picked !== id));
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="mb-2 font-medium">Which videos</legend>
        <div className="flex flex-wrap gap-2">
          {COVERS.map(({ value, label }) => (
            <ChoiceChip
              key={value}
              name="batch-cover"
              value={value}
              checked={props.cover === value}
              onChange={() => props.onCover(value)}
            >
              {label}
            </ChoiceChip>
          ))}
        </div>
      </fieldset>
      {props.cover === "tag" && (
        <div className="max-w-md">
          {/* Not wrapped in its label: a wrapped select's accessible name would include the chosen tag. */}
          <label htmlFor="batch-tag">Tag</label>
          <select
            id="batch-tag"
            value={props.tag}
            onChange={(event) => props.onTag(event.target.value)}
            disabled={props.tags.length === 0}
            aria-describedby="batch-tag-rule"
            className={`${inputClass} bg-white ${focusRing}`}
          >
            {props.tags.map((tag) => (
              <option key={tag} value={tag}>
                #{tag}
              </option>
            ))}
          </select>
          {props.tag && (
            <p id="batch-tag-rule" className="mt-1 text-sm text-slate-700">
              #{props.tag} covers the scripts written for #{props.tag} and those written for a presenter who carries it;
              a script for another tag is not included, even for a presenter carrying both.
            </p>
          )}
        </div>
      )}
      {props.cover === "presenters" && (
        <fieldset>
          <legend className="mb-2 font-medium">Presenters</legend>
          {props.presenters.length === 0 ? (
            <p className="text-sm text-slate-700">No active presenter has a script this month.</p>
          ) : (
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {props.presenters.map((presenter) => (
                <label key={presenter.id} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={props.picked.includes(presenter.id)}
                    onChange={(event) => toggle(presenter.id, event.target.checked)}
                    className={`size-4 ${focusRing}`}
                  />
                  {presenter.name}
                </label>
              ))}
            </div>
          )}
        </fieldset>
      )}
    </div>
  );
}
