import type { Look } from "./catalogue";
import { ENGINES, type CaptionMode, type Engine, type Expressiveness, type OutputFormat } from "./generation-options";
import type { ApiVisibility } from "./publish-input";
import { aspectRatioForOrientation, DEFAULT_RESOLUTION, type AspectRatio, type Resolution } from "./video-format";

/**
 * The studio form as the admin is filling it in. Every choice is kept, even one the current look cannot take
 * (picking another look and back restores it); `toCreateVideoInput` sends only what applies.
 */
export type StudioDraft = {
  title: string;
  script: string;
  /** Optional; empty: none. */
  description: string;
  lookId: string;
  /** The picked look as the catalogue describes it; null when its id was typed in. */
  look: Look | null;
  /** Empty: the look's own voice. */
  voiceId: string;
  aspectRatio: AspectRatio;
  resolution: Resolution;
  options: OptionsDraft;
  /** The presenter the draft was started from (sent as `presenterId`); empty when none, or once its look was changed. */
  presenterId: string;
  /** Who can see it once made: the Studio's "Who can see it" choice. */
  publish: PublishChoice;
  /** With `publish: "at"`: the moment as a datetime-local value, in the admin's own time zone ("2026-12-24T09:00"). */
  publishAt: string;
};

/**
 * The Studio's choices of who can see a video: public once ready (as before issue 18), unlisted, a draft kept for
 * review, or public from a moment chosen.
 */
export const PUBLISH_CHOICES = ["ready", "unlisted", "draft", "at"] as const;
export type PublishChoice = (typeof PUBLISH_CHOICES)[number];

/** Each choice in POST /api/videos' words. */
const CHOICE_VISIBILITY: Record<PublishChoice, ApiVisibility> = {
  ready: "public",
  unlisted: "unlisted",
  draft: "draft",
  at: "public",
};

export type BackgroundKind = "none" | "color" | "image";

export type OptionsDraft = {
  /** Empty: HeyGen's default engine. */
  engine: Engine | "";
  /** Null: the voice's natural speed / pitch. */
  voiceSpeed: number | null;
  voicePitch: number | null;
  voiceLocale: string;
  backgroundKind: BackgroundKind;
  backgroundColor: string;
  backgroundImageUrl: string;
  captions: CaptionMode;
  expressiveness: Expressiveness | "";
  motionPrompt: string;
  removeBackground: boolean;
  outputFormat: OutputFormat;
};

export function initialStudioDraft(look: Look | null): StudioDraft {
  return {
    title: "",
    script: "",
    description: "",
    lookId: look?.id ?? "",
    look,
    voiceId: "",
    aspectRatio: aspectRatioForOrientation(look?.preferredOrientation ?? null),
    resolution: DEFAULT_RESOLUTION,
    presenterId: "",
    publish: "ready",
    publishAt: "",
    options: {
      engine: "",
      voiceSpeed: null,
      voicePitch: null,
      voiceLocale: "",
      backgroundKind: "none",
      backgroundColor: "#f8fafc",
      backgroundImageUrl: "",
      captions: "sidecar",
      expressiveness: "",
      motionPrompt: "",
      removeBackground: false,
      outputFormat: "mp4",
    },
  };
}

/**
 * The draft after a video was made from it: a new one, title, script and description empty, keeping the look, voice,
 * format, options and who can see it, the admin's working set for the next video. A publish moment is one video's.
 */
export const newDraftAfter = (made: StudioDraft): StudioDraft => ({
  ...made,
  title: "",
  script: "",
  description: "",
  publishAt: "",
});

/** HeyGen's engine when none is named. */
const DEFAULT_ENGINE: Engine = "avatar_iv";

/**
 * What the look can take, by HeyGen's rules (CreateVideoFromAvatar): the engines it lists; expressiveness for photo
 * looks on Avatar IV; a motion prompt for photo looks on Avatar IV or V, and for any look on Avatar V. A typed-in
 * look is unknown: every engine is offered, and photo-only options are not.
 */
export function availableOptions(look: Look | null, engine: Engine | "") {
  const engines = look ? ENGINES.filter((candidate) => look.supportedEngines.includes(candidate)) : [...ENGINES];
  const chosen = engine && engines.includes(engine) ? engine : "";
  const effective = chosen || DEFAULT_ENGINE;
  const photo = look?.avatarType === "photo_avatar";
  return {
    engines,
    engine: chosen,
    expressiveness: photo && effective === "avatar_iv",
    motionPrompt: (photo && effective !== "avatar_iii") || effective === "avatar_v",
  };
}

/** The body of POST /api/videos, before validation: unset options and options the look cannot take are left out. */
export function toCreateVideoInput(draft: StudioDraft) {
  const { options } = draft;
  const available = availableOptions(draft.look, options.engine);
  // A WebM video is transparent: HeyGen refuses a background with it, and removes the avatar's by itself.
  const webm = options.outputFormat === "webm";
  return {
    title: draft.title,
    script: draft.script,
    description: draft.description,
    avatarId: draft.lookId,
    voiceId: draft.voiceId,
    aspectRatio: draft.aspectRatio,
    resolution: draft.resolution,
    options: {
      engine: available.engine || undefined,
      voiceSpeed: options.voiceSpeed ?? undefined,
      voicePitch: options.voicePitch ?? undefined,
      voiceLocale: options.voiceLocale.trim() || undefined,
      background: webm ? undefined : backgroundOf(options),
      captions: options.captions,
      expressiveness: (available.expressiveness && options.expressiveness) || undefined,
      motionPrompt: (available.motionPrompt && options.motionPrompt.trim() && options.motionPrompt) || undefined,
      removeBackground: (!webm && options.removeBackground) || undefined,
      outputFormat: options.outputFormat,
    },
    visibility: CHOICE_VISIBILITY[draft.publish],
    publishAt: draft.publish === "at" ? isoMoment(draft.publishAt) : null,
  };
}

/**
 * A datetime-local value (the admin's own time zone) as ISO 8601 in UTC, which POST /api/videos takes; anything that
 * is not such a value is sent as it is, for the route's schema to refuse at its field.
 */
function isoMoment(local: string): string {
  const moment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local) ? new Date(local) : null;
  return moment && !Number.isNaN(moment.getTime()) ? moment.toISOString() : local;
}

function backgroundOf(options: OptionsDraft) {
  if (options.backgroundKind === "color") return { type: "color", value: options.backgroundColor };
  if (options.backgroundKind === "image") return { type: "image", url: options.backgroundImageUrl.trim() };
  return undefined;
}
