import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { validVideoInput, webhookRequest } from "../support/requests";

describe("POST /api/heygen/callback without HEYGEN_SECRET", () => {
  it("refuses every event, even a correctly signed one, and logs why", async () => {
    vi.resetModules();
    vi.stubEnv("HEYGEN_SECRET", "");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { POST } = await import("@/app/api/heygen/callback/route");

    const video = await db.video.create({ data: { ...validVideoInput, status: "PROCESSING", heygenVideoId: "h-1" } });
    const response = await POST(
      webhookRequest({ event_type: "avatar_video.success", event_data: { video_id: "h-1", url: "https://cdn.test/v.mp4" } }),
    );
    expect(response.status).toBe(503);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("HEYGEN_SECRET is not set"));
    expect((await db.video.findUniqueOrThrow({ where: { id: video.id } })).status).toBe("PROCESSING");
  });
});
