import { z } from "./zod";
import { generationOptions } from "./generation-options";
import {
  LANGUAGE_NAME_MAX_LENGTH,
  MAX_TAGS_PER_PRESENTER,
  PRESENTER_LANGUAGES_MAX,
  PRESENTER_NAME_MAX_LENGTH,
} from "./limits";
import { tag } from "./tags";
import { DEFAULT_RESOLUTION } from "./video-format";
import { lookFields, text } from "./video-input";

// Whole sentences, as the studio's title and script say theirs (issue 16, bug 8): shown under the field as they are.
const name = text(
  PRESENTER_NAME_MAX_LENGTH,
  `Keep the name to ${PRESENTER_NAME_MAX_LENGTH} characters or fewer.`,
  "Give the presenter a name.",
);

/** Written in any case and order; kept once each, in the order first given. */
const tags = z
  .array(tag, { error: "must be a list of tags" })
  .transform((list) => [...new Set(list)])
  .refine((list) => list.length <= MAX_TAGS_PER_PRESENTER, `must hold at most ${MAX_TAGS_PER_PRESENTER} tags`);

const active = z.boolean({ error: "must be true or false" });

/**
 * The HeyGen output languages (their names, as GET /api/admin/translations/languages lists them) that "Generate what
 * is missing" translates this presenter's plan videos into (issue 19). Each problem names the field itself,
 * `languages`, whichever entry it is about: the form has one picker for them all.
 */
export const presenterLanguages = z
  .array(z.unknown(), { error: "must be a list of language names" })
  .transform((list, ctx) => {
    const names: string[] = [];
    const refuse = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    for (const entry of list) {
      // The app's z.string() refuses control characters too.
      const text = z.string().safeParse(entry);
      const name = text.success ? text.data.trim().replace(/\s+/g, " ") : "";
      if (!name) return refuse("Each language is a name, such as Spanish (Spain).");
      if (name.length > LANGUAGE_NAME_MAX_LENGTH)
        return refuse(`A language name has at most ${LANGUAGE_NAME_MAX_LENGTH} characters.`);
      if (names.some((known) => known.toLowerCase() === name.toLowerCase()))
        return refuse(`Name each language once: ${name} is listed twice.`);
      names.push(name);
    }
    if (names.length > PRESENTER_LANGUAGES_MAX)
      return refuse(`A presenter has at most ${PRESENTER_LANGUAGES_MAX} languages.`);
    return names;
  });

/** A presenter's look, voice, format and options: what a video made for it is generated with. */
const settings = {
  ...lookFields,
  aspectRatio: lookFields.aspectRatio.unwrap(),
  resolution: lookFields.resolution.unwrap().default(DEFAULT_RESOLUTION),
};

/** What an admin sends to create a presenter (the studio's "Save as presenter"). */
export const createPresenterInput = z.strictObject({
  name,
  ...settings,
  tags: tags.default([]),
  languages: presenterLanguages.default([]),
  active: active.default(true),
});

/** A change to a presenter: any of its fields; what is left out stays as it is. */
export const updatePresenterInput = z
  .strictObject({
    name,
    avatarId: settings.avatarId,
    voiceId: settings.voiceId,
    aspectRatio: settings.aspectRatio,
    resolution: lookFields.resolution.unwrap(),
    // Not lookFields.options: its default would reset the options of every change that leaves them out.
    options: generationOptions,
    tags,
    languages: presenterLanguages,
    active,
  })
  .partial();

export type CreatePresenterInput = z.output<typeof createPresenterInput>;
export type UpdatePresenterInput = z.output<typeof updatePresenterInput>;
