"use client";

import { FilterSelect, labelOf, SearchBox } from "@/components/studio/CatalogueControls";
import { LOOK_ORIENTATIONS, ORIENTATION_LABELS, OWNERSHIP_LABELS, OWNERSHIPS, type LookFilters } from "@/lib/catalogue";

const ORIENTATION_OPTIONS = LOOK_ORIENTATIONS.map((value) => [value, ORIENTATION_LABELS[value]] as const);
const OWNERSHIP_OPTIONS = OWNERSHIPS.map((value) => [value, OWNERSHIP_LABELS[value]] as const);

/** Name search, gender (the values the catalogue has), orientation and public/private. */
export function LookFilterBar(props: {
  filters: LookFilters;
  genders: string[];
  onChange: (filters: LookFilters) => void;
}) {
  const { filters, genders, onChange } = props;
  const set = (change: Partial<LookFilters>) => onChange({ ...filters, ...change });
  return (
    <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-[2fr_1fr_1fr_1fr]">
      <SearchBox
        label="Search looks"
        value={filters.q}
        onChange={(q) => set({ q })}
        placeholder="Name of the look or avatar"
        className="col-span-2 sm:col-span-1"
      />
      <FilterSelect
        label="Gender"
        value={filters.gender}
        onChange={(gender) => set({ gender })}
        options={genders.map((value) => [value, labelOf(value)] as const)}
      />
      <FilterSelect
        label="Orientation"
        value={filters.orientation}
        onChange={(orientation) => set({ orientation })}
        options={ORIENTATION_OPTIONS}
      />
      <FilterSelect
        label="Source"
        value={filters.ownership}
        onChange={(ownership) => set({ ownership })}
        options={OWNERSHIP_OPTIONS}
      />
    </div>
  );
}
