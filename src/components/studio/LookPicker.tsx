"use client";

import { useEffect, useState } from "react";
import { CatalogueProblem, secondaryButton, ShowMore } from "@/components/studio/CatalogueControls";
import { LookCard } from "@/components/studio/LookCard";
import { LookFilterBar } from "@/components/studio/LookFilterBar";
import { focusRing } from "@/components/ui/focus-ring";
import { inputClass } from "@/components/ui/styles";
import { useCatalogueReload, useLookPages } from "@/hooks/use-catalogue";
import { NO_LOOK_FILTERS, type Look, type LookFilters, type LookPage } from "@/lib/catalogue";

type Props = {
  value: string;
  onChange: (id: string, look: Look | null) => void;
  error?: React.ReactNode;
  /** The unfiltered first page, rendered by the server: no loading state on the first paint. */
  initialPage?: LookPage;
};

/**
 * HeyGen's looks as a gallery grouped by avatar, filtered and paged on the server; a native radio group named
 * `avatarId` (arrow keys move, focus is visible). The chosen look stays shown while filters hide it. When HeyGen
 * cannot be reached, a plain id field instead.
 */
export function LookPicker({ value, onChange, error, initialPage }: Props) {
  const [filters, setFilters] = useState<LookFilters>(NO_LOOK_FILTERS);
  const [picked, setPicked] = useState<Look | null>(null);
  const looks = useLookPages(filters, initialPage);
  const reload = useCatalogueReload();
  const items = looks.pages.flatMap((page) => page.items);
  const chosen = items.find((look) => look.id === value) ?? (picked?.id === value ? picked : null);
  const first = looks.first?.items[0];

  // The form always has a look: until the admin picks one, the first of the catalogue.
  useEffect(() => {
    if (!value && first) onChange(first.id, first);
  }, [value, first, onChange]);

  const pick = (look: Look) => {
    setPicked(look);
    onChange(look.id, look);
  };

  if (looks.pages.length === 0 && looks.error) {
    return (
      <div>
        <CatalogueProblem message={looks.error.message} onRetry={looks.retry} />
        <label className="mt-3 block">
          <span className="text-sm font-medium">Look id</span>
          <input
            name="avatarId"
            required
            value={value}
            onChange={(e) => onChange(e.target.value, null)}
            className={inputClass}
            placeholder="HeyGen look id"
          />
          {error}
        </label>
      </div>
    );
  }

  const hidden = value && !items.some((look) => look.id === value);
  const avatarName = filters.group ? (items[0]?.groupName ?? "this avatar") : null;
  return (
    <fieldset aria-busy={looks.loading}>
      <legend className="text-sm font-medium">Look</legend>
      <LookFilterBar filters={filters} genders={looks.first?.filters.genders ?? []} onChange={setFilters} />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
        {avatarName ? (
          <p>
            Only {avatarName}’s looks.{" "}
            <button type="button" className={linkButton} onClick={() => setFilters({ ...filters, group: "" })}>
              Show every avatar
            </button>
          </p>
        ) : (
          <p>Point at or tab to a look to see it move.</p>
        )}
        <button type="button" onClick={() => reload.trigger()} disabled={reload.isMutating} className={secondaryButton}>
          {reload.isMutating ? "Reloading…" : "Reload from HeyGen"}
        </button>
      </div>
      {reload.error && <CatalogueProblem message={reload.error.message} />}
      <div className="mt-3 max-h-[32rem] space-y-4 overflow-y-auto p-1 sm:flex sm:flex-wrap sm:gap-x-6 sm:gap-y-4 sm:space-y-0">
        {hidden && (
          <section aria-label="Chosen look (hidden by the filters)">
            <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">Chosen</h3>
            {chosen ? <LookGrid looks={[chosen]} value={value} onPick={pick} /> : <UnlistedLook id={value} />}
          </section>
        )}
        {groupsOf(items).map(({ key, name, groupId, looks: groupLooks }) => (
          <section key={key} aria-label={name}>
            <div className="mb-2 flex flex-wrap items-baseline gap-x-3">
              <h3 className="text-sm font-semibold text-slate-800">{name}</h3>
              {groupId && !filters.group && (
                <button
                  type="button"
                  className={`text-xs ${linkButton}`}
                  onClick={() => setFilters({ ...filters, group: groupId })}
                >
                  Only {name}
                </button>
              )}
            </div>
            <LookGrid looks={groupLooks} value={value} onPick={pick} />
          </section>
        ))}
        {looks.loading && items.length === 0 && (
          <p role="status" className="text-sm text-slate-600">
            Loading HeyGen’s looks…
          </p>
        )}
        {!looks.loading && looks.first && items.length === 0 && (
          <p className="text-sm text-slate-600">
            No look matches these filters.{" "}
            <button type="button" className={linkButton} onClick={() => setFilters(NO_LOOK_FILTERS)}>
              Clear the filters
            </button>
          </p>
        )}
      </div>
      {looks.first && (
        <ShowMore
          shown={items.length}
          total={looks.first.total}
          noun="looks"
          hasMore={looks.hasMore}
          loading={looks.loadingMore}
          onClick={looks.showMore}
        />
      )}
      {looks.error && looks.pages.length > 0 && (
        <CatalogueProblem message={looks.error.message} onRetry={looks.retry} />
      )}
      {error}
    </fieldset>
  );
}

const linkButton = `rounded text-indigo-700 underline hover:text-indigo-900 ${focusRing}`;

function LookGrid({ looks, value, onPick }: { looks: Look[]; value: string; onPick: (look: Look) => void }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap">
      {looks.map((look) => (
        <LookCard key={look.id} look={look} checked={look.id === value} onPick={onPick} />
      ))}
    </div>
  );
}

/** A look id the form holds that no loaded page lists (typed, or from an older catalogue): still sent. */
function UnlistedLook({ id }: { id: string }) {
  return (
    <label className="flex items-center gap-2 text-sm" data-look-id={id}>
      <input type="radio" name="avatarId" value={id} checked readOnly />
      <span className="font-mono">{id}</span>
    </label>
  );
}

/** Consecutive looks of one avatar (the catalogue is sorted by avatar name), under its name. */
function groupsOf(looks: Look[]) {
  const groups: Array<{ key: string; name: string; groupId: string | null; looks: Look[] }> = [];
  for (const look of looks) {
    const last = groups.at(-1);
    if (last && last.groupId === look.groupId && look.groupId !== null) last.looks.push(look);
    else
      groups.push({
        key: `${look.groupId ?? "none"}-${look.id}`,
        name: look.groupName ?? look.name,
        groupId: look.groupId,
        looks: [look],
      });
  }
  return groups;
}
