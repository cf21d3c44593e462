import type { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as overviewRoute } from "@/app/api/admin/overview/route";
import { POST as callback } from "@/app/api/heygen/callback/route";
import type { Overview } from "@/lib/overview";
import { db } from "@/server/db";
import { adminCookie, getRequest, signedV3, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";
import { settingsApi } from "./settings-support";

const deliver = async (request: NextRequest) => (await callRoute(() => callback(request))).response.status;

async function bothPages() {
  const cookie = await adminCookie();
  const overview = (await (await overviewRoute(getRequest("/api/admin/overview", cookie))).json()) as Overview;
  const { body } = await settingsApi(cookie).get();
  return { overview: overview.webhooks.status, settings: body.settings!.webhook };
}

// The tests' APP_URL is http://app.test, with the real HeyGen's address: the case the overview contradicted itself in.
describe("the overview and Settings tell the webhook alike, and as it is (issue 16, bug 10)", () => {
  it("an http APP_URL with a verified event just now: events arrive, and neither page says videos finish only by polling", async () => {
    expect(TEST_ENV.APP_URL).toMatch(/^http:/);
    await db.video.create({ data: { ...videoRow, status: "PROCESSING", heygenVideoId: "h-1" } });
    const success = {
      event_id: "evt_status_1",
      event_type: "avatar_video.success",
      event_data: { video_id: "h-1", video_url: "https://resource.heygen.ai/v.mp4?Expires=1" },
    };
    expect(await deliver(signedV3(success))).toBe(200);

    const { overview, settings } = await bothPages();
    expect(settings).toEqual(overview);
    expect(overview).toMatchObject({
      callbackUrl: `${TEST_ENV.APP_URL}/api/heygen/callback`,
      deliveries: "Signed events arrive: the last one was verified just now.",
      problem: null,
    });
    expect(JSON.stringify(overview)).not.toMatch(/only by polling|cannot call back/);
  });

  it("the same http APP_URL with no event: both say none arrived, and the same thing to do", async () => {
    const { overview, settings } = await bothPages();
    expect(settings).toEqual(overview);
    expect(overview.deliveries).toMatch(/^No signed event has arrived in the last 30 days\. Videos still complete/);
    expect(overview.problem).toMatch(/^APP_URL \(http:\/\/app\.test\) is not https/);
  });
});
