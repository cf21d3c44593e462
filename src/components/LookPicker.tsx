"use client";

import { inputClass } from "@/components/ui/styles";
import type { Look } from "@/lib/catalogue";

const ORIENTATION_LABELS = { portrait: "Portrait", landscape: "Landscape", square: "Square" } as const;

/**
 * HeyGen looks as a grid of preview cards (a native radio group: arrow keys move, focus is visible), or a
 * plain id field when the catalogue could not be loaded.
 */
export function LookPicker(props: {
  looks: Look[];
  value: string;
  onChange: (id: string, look: Look | null) => void;
  error?: React.ReactNode;
}) {
  const { looks, value, onChange, error } = props;
  if (looks.length === 0) {
    return (
      <label className="block">
        <span className="text-sm font-medium">Look id</span>
        <input name="avatarId" required value={value} onChange={(e) => onChange(e.target.value, null)} className={inputClass} placeholder="HeyGen look id" />
        {error}
      </label>
    );
  }
  return (
    <fieldset>
      <legend className="text-sm font-medium">Look</legend>
      <div className="mt-2 grid max-h-80 grid-cols-2 gap-3 overflow-y-auto p-1 sm:grid-cols-3 lg:grid-cols-4">
        {looks.map((look) => (
          <label key={look.id} className="group relative cursor-pointer" data-look-id={look.id}>
            <input
              type="radio"
              name="avatarId"
              value={look.id}
              checked={value === look.id}
              onChange={() => onChange(look.id, look)}
              className="peer sr-only"
            />
            <span className="block overflow-hidden rounded-md border border-slate-200 bg-white peer-checked:border-indigo-600 peer-checked:ring-2 peer-checked:ring-indigo-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-700">
              <span className="block aspect-square bg-slate-100">
                {look.previewImageUrl && (
                  // Signed, expiring HeyGen URLs: next/image's optimiser would cache them past expiry.
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={look.previewImageUrl} alt="" className="h-full w-full object-cover" loading="lazy" />
                )}
              </span>
              <span className="block truncate px-2 pt-1 text-sm font-medium">{look.name}</span>
              <span className="block px-2 pb-1 text-xs text-slate-600">
                {look.preferredOrientation ? ORIENTATION_LABELS[look.preferredOrientation] : "Any format"}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error}
    </fieldset>
  );
}
