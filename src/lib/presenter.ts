import { ENGINE_LABELS, type GenerationOptions } from "./generation-options";
import type { AspectRatio, Resolution } from "./video-format";

/** A presenter as the API answers it and the presenters page shows it. */
export type Presenter = {
  id: string;
  name: string;
  avatarId: string;
  voiceId: string | null;
  aspectRatio: AspectRatio;
  resolution: Resolution;
  options: GenerationOptions;
  tags: string[];
  /** HeyGen language names "Generate what is missing" translates its plan videos into (issue 19). */
  languages: string[];
  active: boolean;
};

/** What the presenters page adds from HeyGen's catalogue, when it could be read. */
export type PresenterLook = { lookName: string | null; previewImageUrl: string | null; voiceName: string | null };

export type PresenterEntry = Presenter & PresenterLook;

/** Tags as an admin types them: separated by commas or spaces ("morning, news"). */
export const splitTags = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** The options that differ from the defaults, in words ("captions burned in", "speed 1.2×"); none: []. */
export function describeOptions(options: GenerationOptions): string[] {
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
  } = options;
  return [
    engine && ENGINE_LABELS[engine],
    voiceSpeed !== undefined && `speed ${voiceSpeed}×`,
    voicePitch !== undefined && `pitch ${voicePitch > 0 ? "+" : ""}${voicePitch}`,
    voiceLocale && `accent ${voiceLocale}`,
    background?.type === "color" && `background ${background.value}`,
    background?.type === "image" && "background image",
    captions === "burned" && "captions burned in",
    expressiveness && `${expressiveness} expressiveness`,
    motionPrompt && `motion: “${motionPrompt}”`,
    removeBackground && "background removed",
    outputFormat === "webm" && "WebM",
  ].filter((part): part is string => !!part);
}
