import type { Look } from "./catalogue";
import type { Presenter } from "./presenter";
import { initialStudioDraft, toCreateVideoInput, type StudioDraft } from "./studio-draft";

/** The studio's form filled in with a presenter's look, voice, format and options, to edit them with the same fields. */
export function presenterDraft(presenter: Presenter, look: Look | null): StudioDraft {
  const blank = initialStudioDraft(look);
  const {
    engine,
    voiceSpeed,
    voicePitch,
    voiceLocale,
    background,
    captions,
    expressiveness,
    motionPrompt,
    removeBackground,
    outputFormat,
  } = presenter.options;
  return {
    ...blank,
    lookId: presenter.avatarId,
    voiceId: presenter.voiceId ?? "",
    aspectRatio: presenter.aspectRatio,
    resolution: presenter.resolution,
    options: {
      ...blank.options,
      engine: engine ?? "",
      voiceSpeed: voiceSpeed ?? null,
      voicePitch: voicePitch ?? null,
      voiceLocale: voiceLocale ?? "",
      backgroundKind: background?.type ?? "none",
      ...(background?.type === "color" && { backgroundColor: background.value }),
      ...(background?.type === "image" && { backgroundImageUrl: background.url }),
      captions,
      expressiveness: expressiveness ?? "",
      motionPrompt: motionPrompt ?? "",
      removeBackground: removeBackground ?? false,
      outputFormat,
    },
  };
}

/** An active presenter the studio can start from, with its look as the catalogue describes it (null: not listed). */
export type StartingPresenter = { presenter: Presenter; look: Look | null };

/**
 * The studio's draft started from a presenter: its look, voice, format and options, the title and script kept, and
 * its id, sent with the video (POST /api/videos `presenterId`) while the look stays the presenter's.
 */
export function startFromPresenter(current: StudioDraft, { presenter, look }: StartingPresenter): StudioDraft {
  return {
    ...presenterDraft(presenter, look),
    title: current.title,
    script: current.script,
    presenterId: presenter.id,
  };
}

/** The body of PATCH /api/admin/presenters/[id] for these settings, sent exactly as a Generate would send them. */
export function presenterSettings(draft: StudioDraft) {
  const { avatarId, voiceId, aspectRatio, resolution, options } = toCreateVideoInput(draft);
  return { avatarId, voiceId, aspectRatio, resolution, options };
}

/** A look without a voice of its own needs one picked: HeyGen refuses it otherwise. */
export const lacksVoice = (draft: StudioDraft) => !!draft.look && !draft.look.defaultVoiceId && !draft.voiceId;
