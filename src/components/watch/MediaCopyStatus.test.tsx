import { fireEvent, render, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { SWRConfig } from "swr";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { MEDIA_COPY_POLL_MS } from "@/hooks/use-admin-video";
import type { AdminVideoDetail } from "@/lib/admin-video-detail";
import type { MediaCopyState } from "@/lib/media-copy-state";
import type { PublicVideo } from "@/lib/video";
import { adminVideo, renderingVideo, withDetails } from "../../../tests/support/client-video";
import { api, elapse, holdGets, serveJson } from "../../../tests/support/dom";
import { AdminVideoPanel } from "./AdminVideoPanel";

// The panel follows the video live, a finished one too: its watch's long-poll is held, unanswered, by default.
beforeEach(() => void holdGets("/api/videos/:id"));

const STORED_AT = "2026-12-07T10:30:00.000Z";

const detailOf = (video: PublicVideo, mediaCopy: Partial<MediaCopyState>, mediaBucket: string | null = null) =>
  ({
    video: adminVideo(video, mediaCopy),
    settings: { script: "Hello.", lookId: "look-1", lookName: null, voiceId: null, voiceName: null },
    deliveries: [],
    mediaBucket,
  }) satisfies AdminVideoDetail;

function renderPanel(video: PublicVideo, detail: AdminVideoDetail) {
  const router = { replace: vi.fn(), push: vi.fn(), prefetch: vi.fn() } as unknown as AppRouterInstance;
  render(
    <AppRouterContext.Provider value={router}>
      <SWRConfig value={{ provider: () => new Map() }}>
        <AdminVideoPanel video={video} detail={detail} />
      </SWRConfig>
    </AppRouterContext.Provider>,
  );
}

const mediaCopy = () => screen.getByTestId("media-copy");

/** POSTs to the retry route, held until the test answers them. */
function holdRetries() {
  const held: Array<{ request: Request; answer: (response: Response) => void }> = [];
  api.use(
    http.post(
      "/api/admin/videos/:id/media-copy",
      ({ request }) => new Promise<Response>((answer) => void held.push({ request, answer })),
    ),
  );
  return held;
}

describe("AdminVideoPanel: where the video's media lives", () => {
  it("says a copy on this server's disk, with its size and when it was stored", () => {
    const video = withDetails(renderingVideo());
    const detail = detailOf(video, { state: "stored", storage: "local", bytes: 12_345_678, storedAt: STORED_AT });
    serveJson("/api/admin/videos/:id", () => detail);
    renderPanel(video, detail);
    expect(mediaCopy().textContent).toContain(
      "Stored on this server (local disk): 12 MB, since 7 Dec 2026, 10:30 UTC.",
    );
    expect(screen.queryByRole("button", { name: /Retry/ })).toBeNull();
  });

  it("names the S3 bucket of a copy stored in S3", () => {
    const video = withDetails(renderingVideo());
    const detail = detailOf(
      video,
      { state: "stored", storage: "s3", bytes: 2_100_000_000, storedAt: STORED_AT },
      "avatar-media",
    );
    serveJson("/api/admin/videos/:id", () => detail);
    renderPanel(video, detail);
    expect(mediaCopy().textContent).toContain("Stored in S3 bucket avatar-media: 2.1 GB, since 7 Dec 2026, 10:30 UTC.");
  });

  it("says the copy under way, its attempt and why the last one failed, and shows it stored once it is, without a reload", async () => {
    const video = withDetails(renderingVideo());
    let current = detailOf(video, { state: "copying", attempts: 2, error: "HeyGen's CDN answered 403." });
    const reads = serveJson("/api/admin/videos/:id", () => current);
    renderPanel(video, current);
    expect(mediaCopy().textContent).toContain("Copying from HeyGen… (attempt 2)");
    expect(mediaCopy().textContent).toContain("The last try failed: HeyGen's CDN answered 403. Viewers get");

    // The player no longer watches a settled video: the panel reads itself again while the copy goes on.
    current = detailOf(video, { state: "stored", storage: "local", bytes: 1_000, storedAt: STORED_AT, attempts: 2 });
    await elapse(MEDIA_COPY_POLL_MS);
    expect(mediaCopy().textContent).toContain("Stored on this server (local disk): 1 kB");
    const readsOnceStored = reads.length;
    await elapse(10 * MEDIA_COPY_POLL_MS);
    expect(reads.length).toBe(readsOnceStored);
  });

  it("says nothing is stored yet while the video renders, and asks nothing for it", async () => {
    const video = renderingVideo();
    api.use(http.get("/api/videos/:id", () => new Promise<Response>(() => {})));
    const reads = serveJson("/api/admin/videos/:id", () => detailOf(video, {}));
    renderPanel(video, detailOf(video, {}));
    expect(mediaCopy().textContent).toContain("At HeyGen while it renders; copied here once it is ready.");
    await elapse(10 * MEDIA_COPY_POLL_MS);
    expect(reads.length).toBeLessThanOrEqual(1);
  });
});

describe("AdminVideoPanel: Retry a copy given up on", () => {
  const failedCopy = { state: "failed", attempts: 5, error: "Larger than MEDIA_MAX_BYTES (2 GiB)" } as const;

  it("shows the reason and Retry; Retry sends the POST, says it is pending, then follows the copy", async () => {
    const video = withDetails(renderingVideo());
    let current = detailOf(video, failedCopy);
    serveJson("/api/admin/videos/:id", () => current);
    const retries = holdRetries();
    renderPanel(video, current);
    expect(mediaCopy().textContent).toContain("Stored: failed — Larger than MEDIA_MAX_BYTES (2 GiB)");
    expect(mediaCopy().textContent).toContain("Given up after 5 attempts");

    fireEvent.click(screen.getByRole("button", { name: `Retry copying “${video.title}”` }));
    await elapse(0);
    expect(retries).toHaveLength(1);
    expect(retries[0]!.request.method).toBe("POST");
    expect(new URL(retries[0]!.request.url).pathname).toBe(`/api/admin/videos/${video.id}/media-copy`);
    const pending = screen.getByRole("button", { name: `Retrying… copying “${video.title}”` }) as HTMLButtonElement;
    expect(pending.disabled).toBe(true);
    // A second click while it is pending sends nothing more.
    fireEvent.click(pending);
    await elapse(0);
    expect(retries).toHaveLength(1);

    // The route clears the failure and queues the copy: the panel reads the video again and says so.
    current = detailOf(video, { state: "copying", attempts: 5, error: failedCopy.error });
    retries[0]!.answer(HttpResponse.json({ queued: true }, { status: 202 }));
    await elapse(0);
    expect(mediaCopy().getAttribute("data-state")).toBe("copying");
    expect(mediaCopy().textContent).toContain("Copying from HeyGen… (attempt 5)");
    expect(within(mediaCopy()).getByRole("status").textContent).toBe("Copying it again.");
    expect(screen.queryByRole("button", { name: /Retry/ })).toBeNull();

    current = detailOf(video, {
      state: "stored",
      storage: "local",
      bytes: 5_000_000,
      storedAt: STORED_AT,
      attempts: 6,
    });
    await elapse(MEDIA_COPY_POLL_MS);
    expect(mediaCopy().textContent).toContain("Stored on this server (local disk): 5 MB");
  });

  it("says why a retry was refused, in the server's words, and offers it again", async () => {
    const video = withDetails(renderingVideo());
    const detail = detailOf(video, failedCopy);
    serveJson("/api/admin/videos/:id", () => detail);
    const retries = holdRetries();
    renderPanel(video, detail);

    fireEvent.click(screen.getByRole("button", { name: `Retry copying “${video.title}”` }));
    await elapse(0);
    retries[0]!.answer(
      HttpResponse.json({ error: { code: "conflict", message: "This video is already stored." } }, { status: 409 }),
    );
    await elapse(0);
    expect(within(mediaCopy()).getByRole("alert").textContent).toBe(
      "It was not retried: This video is already stored.",
    );
    const again = screen.getByRole("button", { name: `Retry copying “${video.title}”` }) as HTMLButtonElement;
    expect(again.disabled).toBe(false);
  });
});
