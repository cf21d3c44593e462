/** HeyGen's webhook event types (the `events` enum of its OpenAPI schema), with the descriptions the fake lists. */
export const WEBHOOK_EVENT_TYPES = {
  "avatar_video.success": "An avatar video finished rendering.",
  "avatar_video.fail": "An avatar video failed to render.",
  "avatar_video_gif.success": "The GIF preview of an avatar video is ready.",
  "avatar_video_gif.fail": "The GIF preview of an avatar video failed.",
  "video_translate.success": "A video translation finished.",
  "video_translate.fail": "A video translation failed.",
  "video_translate.preflight.validation_failed": "A video translation was refused before it started: invalid input.",
  "video_translate.preflight.download_failed":
    "A video translation was refused before it started: the source could not be downloaded.",
  personalized_video: "A personalized video changed state.",
  "instant_avatar.success": "An instant avatar finished training.",
  "instant_avatar.fail": "An instant avatar failed to train.",
  "photo_avatar_generation.success": "Photo avatar images were generated.",
  "photo_avatar_generation.fail": "Photo avatar image generation failed.",
  "photo_avatar_train.success": "A photo avatar finished training.",
  "photo_avatar_train.fail": "A photo avatar failed to train.",
  "photo_avatar_add_motion.success": "Motion was added to a photo avatar.",
  "photo_avatar_add_motion.fail": "Adding motion to a photo avatar failed.",
  "proofread_creation.success": "A translation proofread was created.",
  "proofread_creation.fail": "A translation proofread could not be created.",
  "live_avatar.success": "A live avatar session finished.",
  "live_avatar.fail": "A live avatar session failed.",
  "avatar_video_caption.success": "The captioned version of an avatar video is ready.",
  "avatar_video_caption.fail": "The captioned version of an avatar video failed.",
  "video_agent.success": "A Video Agent video finished.",
  "video_agent.fail": "A Video Agent video failed.",
  "hyperframes_video.success": "A Hyperframes video finished.",
  "hyperframes_video.fail": "A Hyperframes video failed.",
  "ai_clipping.success": "AI clipping finished.",
  "ai_clipping.fail": "AI clipping failed.",
  "batch.finished": "Every video of a batch reached a final state.",
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;

export const WEBHOOK_EVENT_TYPE_NAMES = Object.keys(WEBHOOK_EVENT_TYPES) as [WebhookEventType, ...WebhookEventType[]];
