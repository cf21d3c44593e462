import type { AdminVideo } from "./video";

/** One HeyGen delivery about a video, as the admin's watch page lists it (no body). */
export type VideoDelivery = {
  id: string;
  receivedAt: string;
  /** signed_v3 | signed_legacy | unsigned | events_api */
  scheme: string;
  eventId: string | null;
  eventType: string | null;
  outcome: string;
  detail: string | null;
};

/**
 * What a video was made with, beyond its format and options (in AdminVideo). Names come from the cached catalogue
 * only: null when it is not at hand (the ids say it then).
 */
export type VideoSettings = {
  script: string;
  lookId: string;
  lookName: string | null;
  /** Null: the look's own voice. */
  voiceId: string | null;
  voiceName: string | null;
};

/** GET /api/admin/videos/[id]: what the admin's watch page shows besides the player, kept live with it. */
export type AdminVideoDetail = {
  video: AdminVideo;
  settings: VideoSettings;
  /** HeyGen's deliveries about it, newest first. */
  deliveries: VideoDelivery[];
  /** The S3 bucket media is stored in (S3_BUCKET), to say where an "s3" copy lives; null when none is configured. */
  mediaBucket: string | null;
};
