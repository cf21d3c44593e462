import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import type { ReactNode } from "react";
import { SWRConfig } from "swr";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AdminVideoDetail, VideoDelivery } from "@/lib/admin-video-detail";
import type { PublicVideo } from "@/lib/video";
import { adminVideo, justCompleted, renderingVideo, withDetails } from "../../../tests/support/client-video";
import { api, asked, elapse, holdGets, serveJson } from "../../../tests/support/dom";
import { AdminVideoPanel } from "./AdminVideoPanel";

// The panel follows the video live, a finished one too: its watch's long-poll is held, unanswered, by default.
beforeEach(() => void holdGets("/api/videos/:id"));

const applied: VideoDelivery = {
  id: "d1",
  receivedAt: new Date().toISOString(),
  scheme: "signed_v3",
  eventId: "evt_1",
  eventType: "avatar_video.success",
  outcome: "applied",
  detail: null,
};

const SCRIPT = "Good morning. Here is the news of the day, in a hundred words or so.";

/** The page's router, as Next provides it: only where the panel goes is looked at. */
function renderPanel(children: ReactNode) {
  const router = { replace: vi.fn(), push: vi.fn(), prefetch: vi.fn() } as unknown as AppRouterInstance;
  render(
    <AppRouterContext.Provider value={router}>
      <SWRConfig value={{ provider: () => new Map() }}>{children}</SWRConfig>
    </AppRouterContext.Provider>,
  );
  return router;
}

const detailOf = (video: PublicVideo, deliveries: VideoDelivery[] = []): AdminVideoDetail => ({
  video: adminVideo(video),
  settings: { script: SCRIPT, lookId: "look-1", lookName: "Abigail (Upper Body)", voiceId: null, voiceName: "Ivy" },
  deliveries,
  mediaBucket: null,
});

describe("AdminVideoPanel: HeyGen's deliveries, live with the player", () => {
  it("shows the delivery that completed the video as soon as the player learns of it", async () => {
    const video = renderingVideo();
    const polls = holdGets("/api/videos/:id");
    let current = detailOf(video);
    serveJson("/api/admin/videos/:id", () => current);
    renderPanel(<AdminVideoPanel video={video} detail={current} />);
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
    const reads = serveJson("/api/admin/videos/:id", () => detailOf(video));
    renderPanel(<AdminVideoPanel video={video} detail={detailOf(video)} />);
    await elapse(60_000);
    // At most the one read SWR makes of a key it was given data for; none per second that passes.
    expect(reads.length).toBeLessThanOrEqual(1);
  });
});

describe("AdminVideoPanel: the admin's actions on the watch page", () => {
  it("says what the video was made with: script, look, voice, format, and its cost estimated until known", () => {
    const video = renderingVideo();
    holdGets("/api/videos/:id");
    serveJson("/api/admin/videos/:id", () => detailOf(video));
    renderPanel(<AdminVideoPanel video={video} detail={detailOf(video)} />);
    expect(screen.getByTestId("video-script").textContent).toBe(SCRIPT);
    const settings = screen.getByTestId("video-settings").textContent;
    expect(settings).toContain("Abigail (Upper Body)");
    expect(settings).toContain("the look’s own (Ivy)");
    // 14 words at 150 a minute: 6 s, at $0.10 a second.
    expect(screen.getByTestId("video-cost-estimate").textContent).toBe("about $0.60 for about 0:06 (from the script)");
    expect(screen.getByRole("link", { name: "All videos" }).getAttribute("href")).toBe("/admin/videos");
  });

  it("shows the cost HeyGen's length gives once the video is made", () => {
    const video = withDetails(renderingVideo());
    serveJson("/api/admin/videos/:id", () => detailOf(video));
    renderPanel(<AdminVideoPanel video={video} detail={detailOf(video)} />);
    expect(screen.queryByTestId("video-cost-estimate")).toBeNull();
    expect(screen.getByTestId("video-cost").textContent).toBe("0:13 long, cost $1.25");
  });

  it("goes back to the list once the video is deleted", async () => {
    const video = withDetails(renderingVideo());
    serveJson("/api/admin/videos/:id", () => detailOf(video));
    api.use(http.delete("/api/admin/videos/:id", () => HttpResponse.json({ id: video.id, heygen: "not_asked" })));
    const router = renderPanel(<AdminVideoPanel video={video} detail={detailOf(video)} />);
    fireEvent.click(screen.getByRole("button", { name: `Delete “${video.title}”` }));
    await elapse(0);
    const dialog = screen.getByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    await elapse(0);
    expect(asked()).toContain(`/api/admin/videos/${video.id}`);
    expect(router.replace).toHaveBeenCalledWith("/admin/videos");
  });
});

describe("AdminVideoPanel: translations (issue 19)", () => {
  const translation = {
    language: "Spanish (Spain)",
    sourceId: "source-1",
    sourceTitle: "Morning news",
    mode: "speed" as const,
    captions: true,
  };

  it("on a translation's page: which language of which video, with neither Regenerate nor Translate", async () => {
    const video = { ...withDetails(renderingVideo({ title: "Morning news (Spanish (Spain))" })), duration: 20 };
    const detail = { ...detailOf(video), video: { ...adminVideo(video), translationOf: translation } };
    serveJson("/api/admin/videos/:id", () => detail);
    renderPanel(<AdminVideoPanel video={video} detail={detail} />);
    await elapse(0);
    expect(screen.getByTestId("translation-of").textContent).toBe("Spanish (Spain) translation of Morning news");
    expect(screen.getByRole("link", { name: "Morning news" }).getAttribute("href")).toBe("/videos/source-1");
    // Priced at the translation's own rate: 20 s at $0.05.
    expect(screen.getByTestId("video-cost").textContent).toBe("0:20 long, cost $1");
    expect(screen.queryByRole("button", { name: /^Regenerate/ })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Translations" })).toBeNull();
    expect(asked().some((path) => path.includes("translations"))).toBe(false);
  });

  it("offers a finished video's translations, and none while it renders", async () => {
    const rendering = renderingVideo();
    serveJson("/api/admin/videos/:id", () => detailOf(rendering));
    renderPanel(<AdminVideoPanel video={rendering} detail={detailOf(rendering)} />);
    expect(screen.queryByRole("heading", { name: "Translations" })).toBeNull();
    cleanup();

    const finished = withDetails(renderingVideo());
    serveJson("/api/admin/videos/:id", () => detailOf(finished));
    serveJson("/api/admin/videos/:id/translations", () => ({ variants: [] }));
    serveJson("/api/admin/translations/languages", () => ({ languages: [{ name: "German", tag: "de" }] }));
    renderPanel(<AdminVideoPanel video={finished} detail={detailOf(finished)} />);
    await elapse(0);
    expect(screen.getByRole("heading", { name: "Translations" })).toBeTruthy();
    expect(screen.getByRole("option", { name: /German/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: /^Regenerate/ })).toBeTruthy();
  });
});
