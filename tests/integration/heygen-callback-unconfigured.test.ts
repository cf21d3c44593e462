import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/heygen/callback/route";
import { db } from "@/server/db";
import { signedV3, unsigned, videoRow } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { callRoute } from "../support/route-scope";

describe("POST /api/heygen/callback without HEYGEN_SECRET", () => {
  it("refuses every signed event, even a correctly signed one, and counts why; unsigned hints still work", async () => {
    vi.stubEnv("HEYGEN_SECRET", "");
    await restartProcess();

    const video = await db.video.create({ data: { ...videoRow, status: "PROCESSING", heygenVideoId: "h-1" } });
    const signed = signedV3({
      event_id: "e1",
      event_type: "avatar_video.success",
      event_data: { video_id: "h-1", video_url: "https://cdn.test/v.mp4" },
    });
    const refused = await callRoute(() => POST(signed));
    expect(refused.response.status).toBe(503);
    expect((await refused.response.json()).error.message).toContain("HEYGEN_SECRET");
    // Counted per minute, not stored (issue 15).
    expect(await db.webhookTurnedAway.findMany({ select: { reason: true, count: true } })).toEqual([
      { reason: "no_secret", count: 1 },
    ]);
    expect(await db.webhookDelivery.count()).toBe(0);
    expect((await db.video.findUniqueOrThrow({ where: { id: video.id } })).status).toBe("PROCESSING");

    const hint = await callRoute(() => POST(unsigned({ event_data: { video_id: "h-1" } })));
    expect(hint.response.status).toBe(202);
    await hint.afterResponse();
  });
});
