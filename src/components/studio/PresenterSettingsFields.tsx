"use client";

import { CaptionsPicker } from "@/components/studio/CaptionsPicker";
import { FormatPicker } from "@/components/studio/FormatPicker";
import { GenerationOptionsFields } from "@/components/studio/GenerationOptionsFields";
import { LookPicker } from "@/components/studio/LookPicker";
import { VoicePicker } from "@/components/studio/VoicePicker";
import type { Look, LookPage, VoicePage } from "@/lib/catalogue";
import type { OptionsDraft, StudioDraft } from "@/lib/studio-draft";
import { aspectRatioForOrientation } from "@/lib/video-format";

type Props = {
  draft: StudioDraft;
  onChange: (change: (current: StudioDraft) => Partial<StudioDraft>) => void;
  errorFor: (field: string) => React.ReactNode;
  moreOpen: boolean;
  onToggleMore: (open: boolean) => void;
  /** The pickers' first pages, rendered by the server (none when HeyGen was unreachable). */
  initialLooks?: LookPage;
  initialVoices?: VoicePage;
};

/**
 * A presenter's settings: what a video is made with besides its title and script (look, voice, format, captions
 * and the other options).
 * The studio and the presenter editor share it, so a look's preferred orientation pre-selects the format, and the
 * options offered follow the look, the same way in both.
 */
export function PresenterSettingsFields({
  draft,
  onChange,
  errorFor,
  moreOpen,
  onToggleMore,
  initialLooks,
  initialVoices,
}: Props) {
  const updateOptions = (patch: Partial<OptionsDraft>) =>
    onChange((current) => ({ options: { ...current.options, ...patch } }));
  const pickLook = (lookId: string, look: Look | null) =>
    onChange(() => ({
      lookId,
      look,
      ...(look?.preferredOrientation && { aspectRatio: aspectRatioForOrientation(look.preferredOrientation) }),
    }));

  return (
    <>
      <LookPicker value={draft.lookId} onChange={pickLook} error={errorFor("avatarId")} initialPage={initialLooks} />
      <VoicePicker
        initialPage={initialVoices}
        value={draft.voiceId}
        onChange={(voiceId) => onChange(() => ({ voiceId }))}
        look={draft.look}
        error={errorFor("voiceId")}
      />
      <FormatPicker
        aspectRatio={draft.aspectRatio}
        resolution={draft.resolution}
        onChange={(patch) => onChange(() => patch)}
        error={errorFor("aspectRatio") ?? errorFor("resolution")}
      />
      <CaptionsPicker
        value={draft.options.captions}
        onChange={(captions) => updateOptions({ captions })}
        error={errorFor("options.captions")}
      />
      <GenerationOptionsFields
        draft={draft.options}
        onChange={updateOptions}
        errorFor={errorFor}
        look={draft.look}
        open={moreOpen}
        onToggle={onToggleMore}
      />
    </>
  );
}
