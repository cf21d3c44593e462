import { formatAge } from "./format";

/** What the app knows of HeyGen's deliveries to it: the webhook wording is decided from these alone. */
export type WebhookFacts = {
  /** APP_URL, the app's own public address; null when unset. */
  appUrl: string | null;
  /** Where the signing secret comes from; null: none configured. */
  secretSource: "environment" | "settings" | null;
  /** The last signed delivery whose signature was verified (within the delivery log's 30 days). */
  lastVerifiedAt: string | null;
  /** HeyGen runs on this machine (the offline demo's fake): it posts to http addresses as well. */
  heygenOnThisMachine: boolean;
};

/** The overview's and Settings' one account of the webhook, so the two pages can never disagree. */
export type WebhookStatus = {
  /** The app's callback URL (APP_URL + /api/heygen/callback): sent with each create, and what registering registers. */
  callbackUrl: string | null;
  /** Which deliveries actually arrive, from the verified events recorded. */
  deliveries: string;
  /** What the callback URL is for, and whether this HeyGen can post to it. */
  address: string;
  /** What needs doing, when something does; null when nothing does. */
  problem: string | null;
  /** Registering the callback URL with HeyGen can work: there is one, and this HeyGen can post to it. */
  registrable: boolean;
};

const STILL_COMPLETE =
  "Videos still complete without them: the app asks HeyGen's API about each video it has no news of.";

/**
 * Says what is true: deliveries "arrive" only when a verified event was recorded (never inferred from APP_URL), and an
 * http callback URL is a problem only for a HeyGen that is not on this machine and only while nothing arrives (signed
 * events may come through an endpoint registered at another address, such as a tunnel's).
 */
export function webhookStatus(facts: WebhookFacts, now: number = Date.now()): WebhookStatus {
  const { appUrl, secretSource, lastVerifiedAt, heygenOnThisMachine } = facts;
  const callbackUrl = appUrl ? new URL("/api/heygen/callback", appUrl).href : null;
  const https = callbackUrl?.startsWith("https:") ?? false;
  const reachable = callbackUrl !== null && (https || heygenOnThisMachine);

  const deliveries = lastVerifiedAt
    ? `Signed events arrive: the last one was verified ${formatAge(lastVerifiedAt, now)}.`
    : `No signed event has arrived in the last 30 days${secretSource ? "" : " (without a signing secret, the app refuses them)"}. ${STILL_COMPLETE}`;

  let address: string;
  if (!callbackUrl) {
    address = "APP_URL is not set, so the app has no callback URL: it sends HeyGen none with its videos.";
  } else {
    address =
      "Each video asks HeyGen to post its result to this address (unsigned: a hint the app checks with HeyGen's API); registered with HeyGen as a webhook endpoint, it receives signed events.";
    if (!https && heygenOnThisMachine)
      address += " It is http, which is fine here: HeyGen is the offline fake, on this machine.";
    else if (!https && lastVerifiedAt)
      address +=
        " It is http, which HeyGen does not post to: the signed events arriving come through an endpoint registered at another address, such as a tunnel's.";
  }

  let problem: string | null = null;
  if (!secretSource)
    problem =
      "No signing secret is configured, so the app refuses signed events: register the webhook, or set HEYGEN_SECRET.";
  else if (!lastVerifiedAt && !callbackUrl)
    problem = "Set APP_URL to the app's public https address, then register the webhook.";
  else if (!lastVerifiedAt && !reachable)
    problem = `APP_URL (${appUrl}) is not https, and HeyGen posts only to a public https address: set APP_URL to one (a tunnel such as cloudflared gives one), then register the webhook.`;

  return { callbackUrl, deliveries, address, problem, registrable: reachable };
}
