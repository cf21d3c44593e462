/**
 * Business limits, one constant each, shared by the API's input schema and the forms. The fake HeyGen keeps its own
 * copy of HeyGen's documented limits (src/mocks/heygen/video-request.ts), so that a drift between them shows in tests.
 */

/** HeyGen refuses a script of 5,000 characters or more (its documented limit; v3 states none, so keep under it). */
export const SCRIPT_MAX_LENGTH = 4_999;

export const TITLE_MAX_LENGTH = 200;

/** A video's description is a paragraph or two under its title, not a second script. */
export const DESCRIPTION_MAX_LENGTH = 1_000;

/** HeyGen look and voice ids are short; anything longer is a mistake, not an id. */
export const HEYGEN_ID_MAX_LENGTH = 200;

/** HeyGen's voice_settings.speed range (1 is the voice's natural pace). */
export const VOICE_SPEED_MIN = 0.5;
export const VOICE_SPEED_MAX = 1.5;

/** HeyGen's voice_settings.pitch range (0 is the voice's natural pitch). */
export const VOICE_PITCH_MIN = -50;
export const VOICE_PITCH_MAX = 50;

/** A motion prompt is a sentence or two ("nods, then smiles"); longer is a script in the wrong field. */
export const MOTION_PROMPT_MAX_LENGTH = 500;

/** HeyGen's published price of avatar video output (2026): US$0.10 per second. */
export const PRICE_PER_SECOND_USD = 0.1;

/** A presenter's name is a label in lists and CSV files. */
export const PRESENTER_NAME_MAX_LENGTH = 80;

/** Tags are short slugs ("morning-news"); a presenter carries a few. */
export const TAG_MAX_LENGTH = 32;
export const MAX_TAGS_PER_PRESENTER = 10;

/** Rows one import (CSV or paste) may hold: a month of scripts for many presenters, not a data dump. */
export const PLAN_IMPORT_MAX_ROWS = 1_000;
/** The body of an import (its text): 1 MiB, about 1,000 rows of 1,000-character scripts. */
export const PLAN_IMPORT_MAX_BYTES = 1024 * 1024;

/** A plan month with no publish time of its own publishes its approved videos at 09:00 on their plan date. */
export const DEFAULT_PUBLISH_TIME = "09:00";
/** The most videos one bulk approval (the review queue's selection, or the API) may name. */
export const REVIEW_BULK_MAX = 500;
/** A rejection's reason is a sentence for whoever edits the script, shown on the video's admin page. */
export const REJECTION_REASON_MAX_LENGTH = 500;

/** The RSS feed holds the newest listed videos, as feeds do: readers poll it and keep what they have seen. */
export const FEED_MAX_ITEMS = 50;
/**
 * The sitemap names at most this many videos, the newest listed: a sitemap may hold 50,000 URLs and 50 MB, and a video
 * entry with a 1,000-character description is up to about 2 KB. At a plan's 150 videos a month that is 5 years.
 */
export const SITEMAP_MAX_VIDEOS = 10_000;
/** Outgoing webhooks (issue 18): an endpoint's URL, as browsers and most receivers accept one. */
export const WEBHOOK_URL_MAX_LENGTH = 2_000;
/** An endpoint's description is a label in the settings list ("n8n: publish to socials"). */
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 200;
/** Endpoints one deployment may have: each event is sent to every one, so a few, not a mailing list. */
export const WEBHOOK_ENDPOINTS_MAX = 20;
/**
 * The retry schedule of an outgoing delivery, in seconds after the previous failed attempt (the Standard Webhooks
 * suggestion): at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. Eight attempts over about 27.6 hours.
 */
export const WEBHOOK_RETRY_SCHEDULE_SECONDS = [0, 5, 300, 1_800, 7_200, 18_000, 36_000, 36_000] as const;
/** How long one delivery may take before it counts as failed (a hanging receiver holds one sender this long). */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Deliveries in flight at once per process: a slow receiver never holds more than these senders. */
export const WEBHOOK_SENDERS = 4;
/** The characters of a receiver's answer kept with each attempt (enough to read an error). */
export const WEBHOOK_RESPONSE_EXCERPT_LENGTH = 500;
/** Video translation (issue 19), HeyGen's published price per second of output: "speed" mode and "precision" mode. */
export const TRANSLATION_PRICE_PER_SECOND_USD = { speed: 0.05, precision: 0.1 } as const;
/** Languages one translation request may name (HeyGen expands a request per language; a handful is the use). */
export const TRANSLATION_LANGUAGES_MAX = 20;
/** A HeyGen language name ("Chinese (Mandarin, Simplified)") is a short label. */
export const LANGUAGE_NAME_MAX_LENGTH = 80;
/** Languages a presenter may carry for "Generate what is missing" to translate into. */
export const PRESENTER_LANGUAGES_MAX = 10;
