import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { MediaCopyState } from "@/lib/media-copy-state";
import { adminVideo, renderingVideo, withDetails } from "../../../tests/support/client-video";
import { AdminVideoRow } from "./AdminVideoRow";

function showRow(mediaCopy: Partial<MediaCopyState>) {
  const video = adminVideo(withDetails(renderingVideo()), mediaCopy);
  render(
    <ul>
      <AdminVideoRow video={video} onNotice={vi.fn()} onChanged={vi.fn()} onDelete={vi.fn()} />
    </ul>,
  );
}

describe("AdminVideoRow: our copy of the video's media, at a glance", () => {
  it("marks a stored copy", () => {
    showRow({ state: "stored", storage: "local", bytes: 1_000 });
    expect(screen.getByText("Copy stored")).toBeTruthy();
    expect(screen.queryByText("Copy failed")).toBeNull();
  });

  it("marks a copy given up on", () => {
    showRow({ state: "failed", attempts: 5, error: "403" });
    expect(screen.getByText("Copy failed")).toBeTruthy();
  });

  it("says nothing of a copy under way", () => {
    showRow({ state: "copying" });
    expect(document.querySelector("[data-copy]")).toBeNull();
  });
});

describe("AdminVideoRow: a translation (issue 19)", () => {
  it("names its language and links the video it translates; it cannot be regenerated", () => {
    const video = {
      ...adminVideo({ ...withDetails(renderingVideo({ title: "Morning news (German)" })), duration: 20 }),
      translationOf: {
        language: "German",
        sourceId: "source-1",
        sourceTitle: "Morning news",
        mode: "speed" as const,
        captions: true,
      },
    };
    render(
      <ul>
        <AdminVideoRow video={video} onNotice={vi.fn()} onChanged={vi.fn()} onDelete={vi.fn()} />
      </ul>,
    );
    expect(screen.getByTestId("translation-of").textContent).toBe("German translation of Morning news");
    expect(screen.getByRole("link", { name: "Morning news" }).getAttribute("href")).toBe("/videos/source-1");
    // 20 s at speed mode's $0.05 a second (a video of its own costs $0.10).
    expect(screen.getByTestId("video-cost").textContent).toBe("0:20 long, cost $1");
    expect(screen.queryByRole("button", { name: /^Regenerate/ })).toBeNull();
  });
});
