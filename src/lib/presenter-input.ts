import { z } from "./zod";
import { generationOptions } from "./generation-options";
import { MAX_TAGS_PER_PRESENTER, PRESENTER_NAME_MAX_LENGTH } from "./limits";
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
    active,
  })
  .partial();

export type CreatePresenterInput = z.output<typeof createPresenterInput>;
export type UpdatePresenterInput = z.output<typeof updatePresenterInput>;
