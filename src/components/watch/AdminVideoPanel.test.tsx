import { render, screen } from "@testing-library/react";
import { HttpResponse } from "msw";
import type { ReactNode } from "react";
import { SWRConfig } from "swr";
import { describe, expect, it } from "vitest";
import type { AdminVideoDetail, VideoDelivery } from "@/lib/admin-video-detail";
import type { PublicVideo } from "@/lib/video";
import { adminVideo, justCompleted, renderingVideo } from "../../../tests/support/client-video";
import { asked, elapse, holdGets, serveJson } from "../../../tests/support/dom";
import { AdminVideoPanel } from "./AdminVideoPanel";

const applied: VideoDelivery = {
  id: "d1",
  receivedAt: new Date().toISOString(),
  scheme: "signed_v3",
  eventId: "evt_1",
  eventType: "avatar_video.success",
  outcome: "applied",
  detail: null,
};

const withSwr = (children: ReactNode) => <SWRConfig value={{ provider: () => new Map() }}>{children}</SWRConfig>;
const detailOf = (video: PublicVideo, deliveries: VideoDelivery[]): AdminVideoDetail => ({
  video: adminVideo(video),
  deliveries,
});

describe("AdminVideoPanel: HeyGen's deliveries, live with the player", () => {
  it("shows the delivery that completed the video as soon as the player learns of it", async () => {
    const video = renderingVideo();
    const polls = holdGets("/api/videos/:id");
    let current = detailOf(video, []);
    serveJson("/api/admin/videos/:id", () => current);
    render(withSwr(<AdminVideoPanel video={video} detail={current} />));
    expect(screen.getByText("None received yet.")).toBeTruthy();
    await elapse(0);

    // HeyGen's webhook completes the video: its delivery is in the log, and the player's long-poll hears of it.
    const completed = justCompleted(video);
    current = detailOf(completed, [applied]);
    polls[0]!.answer(HttpResponse.json(completed));
    await elapse(0);

    expect(screen.queryByText("None received yet.")).toBeNull();
    expect(screen.getByTestId("video-events").textContent).toContain("avatar_video.success");
    expect(screen.getByTestId("video-events").textContent).toContain("signed (v3)");
    expect(asked()).toContain(`/api/admin/videos/${video.id}`);
  });

  it("asks nothing more while the video does not change", async () => {
    const video = renderingVideo();
    holdGets("/api/videos/:id");
    const reads = serveJson("/api/admin/videos/:id", () => detailOf(video, []));
    render(withSwr(<AdminVideoPanel video={video} detail={detailOf(video, [])} />));
    await elapse(60_000);
    // At most the one read SWR makes of a key it was given data for; none per second that passes.
    expect(reads.length).toBeLessThanOrEqual(1);
  });
});
