"use client";

import { useState } from "react";
import { CatalogueProblem, PromptBox, secondaryButton } from "@/components/studio/CatalogueControls";
import { previewOf, voiceDetails, VoiceOption, type PreviewControl } from "@/components/studio/VoiceOption";
import { useVoiceSearch } from "@/hooks/use-catalogue";
import { VOICE_PROMPT_MAX_LENGTH, type Voice } from "@/lib/catalogue";

/** "Describe the voice": HeyGen's semantic search of its library, a few voices at a time, listed like the others. */
export function VoiceSearchPanel(props: { value: string; onPick: (voice: Voice) => void; control: PreviewControl }) {
  const { value, onPick, control } = props;
  const [prompt, setPrompt] = useState("");
  const search = useVoiceSearch();
  const result = search.data;

  const find = (seed: number) => {
    if (prompt.trim()) void search.trigger({ prompt: prompt.trim(), seed }).catch(() => {});
  };

  return (
    <section
      aria-label="Find a voice by description"
      className="mt-4 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <div className="flex flex-wrap items-end gap-2">
        <PromptBox
          label="Describe the voice"
          value={prompt}
          onChange={setPrompt}
          onEnter={() => find(0)}
          placeholder="e.g. warm, confident female narrator"
          maxLength={VOICE_PROMPT_MAX_LENGTH}
        />
        <button
          type="button"
          onClick={() => find(0)}
          disabled={search.isMutating || !prompt.trim()}
          className={secondaryButton}
        >
          {search.isMutating ? "Searching…" : "Find voices"}
        </button>
      </div>
      {search.error && <CatalogueProblem message={search.error.message} />}
      {result && !search.error && (
        <div className="mt-3 space-y-2" aria-live="polite">
          {result.items.length === 0 ? (
            <p className="text-sm text-slate-600">HeyGen found no other voice for this description.</p>
          ) : (
            <ul className="grid gap-2 sm:grid-cols-2" aria-label="Voices matching the description">
              {result.items.map((voice) => (
                <li key={voice.id}>
                  <VoiceOption
                    group="voice-search"
                    value={voice.id}
                    checked={value === voice.id}
                    onPick={() => onPick(voice)}
                    title={voice.name}
                    details={voiceDetails(voice)}
                    preview={previewOf(voice)}
                    control={control}
                  />
                </li>
              ))}
            </ul>
          )}
          {result.items.length > 0 && (
            <button
              type="button"
              onClick={() => find(result.seed + 1)}
              disabled={search.isMutating}
              className={secondaryButton}
            >
              Other matches
            </button>
          )}
        </div>
      )}
    </section>
  );
}
