import { POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { fakeHeygen } from "./heygen";
import { adminCookie, jsonRequest, replayDelivery, validVideoInput } from "./requests";
import { callRoute } from "./route-scope";

/**
 * A video made through POST /api/videos (as an admin, with `extra` over a valid input) and finished by HeyGen's signed
 * webhook (the fake's delivery replayed, its after-response work done): completed, or failed with `[fail]` in its
 * script. Its id.
 */
export async function finishedVideo(extra: Record<string, unknown> = {}): Promise<string> {
  const response = await createVideoRoute(
    jsonRequest("/api/videos", { ...validVideoInput, ...extra }, { cookie: await adminCookie() }),
  );
  const { id } = (await response.json()) as { id: string };
  const delivery = fakeHeygen.outbox.find((d) => JSON.parse(d.body).event_data.callback_id === id)!;
  const { afterResponse } = await callRoute(() => callback(replayDelivery(delivery)));
  await afterResponse();
  return id;
}
