import { randomBytes } from "node:crypto";
import type { LoadRequest } from "../http-load";
import { countVideos, type LoadVideo, type Stack } from "../webhook-load-stack";
import { signWebhookBody } from "../../../src/mocks/heygen/fake-heygen";

/** A v3 signed delivery of this body, signed now: Heygen-Timestamp must be within 300 s of the app's clock. */
export function signedDelivery({ app, secret }: Stack, body: string, eventId: string): LoadRequest {
  return {
    url: `${app.url}/api/heygen/callback`,
    init: {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "heygen-signature": signWebhookBody(body, secret),
        "heygen-timestamp": String(Math.floor(Date.now() / 1000)),
        "heygen-event-id": eventId,
      },
    },
  };
}

/** A signed success for a video nobody knows: answered 200 `unknown_video`, it warms the route without changing anything. */
export function unknownVideoDelivery(stack: Stack): LoadRequest {
  const eventId = `evt_warmup_${randomBytes(8).toString("hex")}`;
  const data = {
    video_id: `warmup_${randomBytes(8).toString("hex")}`,
    callback_id: null,
    video_url: "https://example.com/v.mp4",
  };
  return signedDelivery(
    stack,
    JSON.stringify({ event_id: eventId, event_type: "avatar_video.success", event_data: data }),
    eventId,
  );
}

/** Posts the video's success webhook; throws unless the app applied it. */
export async function completeVideo(stack: Stack, video: LoadVideo): Promise<void> {
  const { url, init } = signedDelivery(stack, video.body, video.eventId);
  const response = await fetch(url, init);
  const text = await response.text();
  const outcome = response.ok ? (JSON.parse(text) as { outcome?: string }).outcome : undefined;
  if (outcome !== "applied")
    throw new Error(`the webhook of video ${video.id} was not applied: ${response.status} ${text.slice(0, 200)}`);
}

/** Waits (up to `timeoutMs`) for the after() work of applied webhooks, the render details, to land; how long it took. */
export async function waitForRenderDetails(stack: Stack, ids: string[], timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const { completed, detailed } = await countVideos(stack.databaseUrl, ids);
    if (detailed >= completed) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return performance.now() - started;
}
