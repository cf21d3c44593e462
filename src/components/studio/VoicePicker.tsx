"use client";

import { useState } from "react";
import { CatalogueProblem, FilterSelect, labelOf, SearchBox, ShowMore } from "@/components/studio/CatalogueControls";
import { usePreviewAudio } from "@/components/studio/use-preview-audio";
import { previewOf, voiceDetails, VoiceOption } from "@/components/studio/VoiceOption";
import { VoiceSearchPanel } from "@/components/studio/VoiceSearchPanel";
import { inputClass } from "@/components/ui/styles";
import { useVoicePages } from "@/hooks/use-catalogue";
import { NO_VOICE_FILTERS, type Look, type Voice, type VoiceFilters, type VoicePage } from "@/lib/catalogue";

type Props = {
  /** "": the look's own voice. */
  value: string;
  onChange: (id: string) => void;
  look: Look | null;
  error?: React.ReactNode;
  /** The unfiltered first page, rendered by the server: no loading state on the first paint. */
  initialPage?: VoicePage;
};

/**
 * "The look's own voice" first, then HeyGen's voices, filtered and paged on the server, each with a preview to
 * listen to (one at a time), and a "describe the voice" search. Sends the choice as `voiceId`. When HeyGen cannot
 * be reached, a plain id field instead.
 */
export function VoicePicker({ value, onChange, look, error, initialPage }: Props) {
  const [filters, setFilters] = useState<VoiceFilters>(NO_VOICE_FILTERS);
  const [picked, setPicked] = useState<Voice | null>(null);
  const voices = useVoicePages(filters, initialPage);
  const { control, audio } = usePreviewAudio();
  const items = voices.pages.flatMap((page) => page.items);
  const set = (change: Partial<VoiceFilters>) => setFilters({ ...filters, ...change });
  const pick = (voice: Voice) => {
    setPicked(voice);
    onChange(voice.id);
  };

  if (voices.pages.length === 0 && voices.error) {
    return (
      <label className="block">
        <span className="text-sm font-medium">Voice id</span>
        <input
          name="voiceId"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={inputClass}
          placeholder="HeyGen voice id (empty: the look’s own voice)"
        />
        <span className="mt-1 block text-sm text-slate-600">
          HeyGen’s voices could not be listed: {voices.error.message}
        </span>
        {error}
      </label>
    );
  }

  const lacksOwnVoice = look !== null && !look.defaultVoiceId;
  const own = look?.defaultVoice;
  const hiddenChoice =
    value && !items.some((voice) => voice.id === value) ? (picked?.id === value ? picked : null) : undefined;
  const option = (voice: Voice) => (
    <VoiceOption
      group="voice"
      value={voice.id}
      checked={value === voice.id}
      onPick={() => pick(voice)}
      title={voice.name}
      details={voiceDetails(voice)}
      preview={previewOf(voice)}
      control={control}
    />
  );

  return (
    <fieldset aria-busy={voices.loading} data-field="voiceId">
      <legend className="text-sm font-medium">Voice</legend>
      <input type="hidden" name="voiceId" value={value} />
      {audio}
      <div className="mt-2">
        <VoiceOption
          group="voice"
          value=""
          checked={value === ""}
          disabled={lacksOwnVoice}
          onPick={() => onChange("")}
          title={own ? `The look’s own voice: ${own.name}` : "The look’s own voice"}
          details={lacksOwnVoice ? `${look.name} has no voice of its own` : own ? voiceDetails(own) : undefined}
          preview={own ? previewOf(own) : null}
          control={control}
        />
      </div>
      {lacksOwnVoice && value === "" && (
        <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          {look.name} has no voice of its own: pick one below.
        </p>
      )}
      <div className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-[2fr_1fr_1fr]">
        <SearchBox
          label="Search voices"
          value={filters.q}
          onChange={(q) => set({ q })}
          placeholder="Name of the voice"
          className="col-span-2 sm:col-span-1"
        />
        <FilterSelect
          label="Language"
          value={filters.language}
          onChange={(language) => set({ language })}
          options={(voices.first?.filters.languages ?? []).map((value) => [value, value] as const)}
        />
        <FilterSelect
          label="Gender"
          value={filters.gender}
          onChange={(gender) => set({ gender })}
          options={(voices.first?.filters.genders ?? []).map((value) => [value, labelOf(value)] as const)}
        />
      </div>
      <ul className="mt-3 grid max-h-80 gap-2 overflow-y-auto p-1 sm:grid-cols-2" aria-label="Voices">
        {hiddenChoice !== undefined && <li>{hiddenChoice ? option(hiddenChoice) : <UnlistedVoice id={value} />}</li>}
        {items.map((voice) => (
          <li key={voice.id}>{option(voice)}</li>
        ))}
      </ul>
      {voices.loading && items.length === 0 && (
        <p role="status" className="mt-2 text-sm text-slate-600">
          Loading HeyGen’s voices…
        </p>
      )}
      {!voices.loading && voices.first && items.length === 0 && (
        <p className="mt-2 text-sm text-slate-600">No voice matches these filters.</p>
      )}
      {voices.first && (
        <ShowMore
          shown={items.length}
          total={voices.first.total}
          noun="voices"
          hasMore={voices.hasMore}
          loading={voices.loadingMore}
          onClick={voices.showMore}
        />
      )}
      {voices.error && voices.pages.length > 0 && (
        <CatalogueProblem message={voices.error.message} onRetry={voices.retry} />
      )}
      <VoiceSearchPanel value={value} onPick={pick} control={control} />
      {error}
    </fieldset>
  );
}

/** A voice id the form holds that no loaded page lists: still the choice. */
function UnlistedVoice({ id }: { id: string }) {
  return (
    <p className="rounded-md border border-indigo-600 bg-indigo-50 px-2 py-1.5 text-sm">
      Chosen voice: <span className="font-mono">{id}</span>
    </p>
  );
}
