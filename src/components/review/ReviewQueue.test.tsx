import { fireEvent, render, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { StrictMode } from "react";
import { SWRConfig } from "swr";
import { describe, expect, it, vi } from "vitest";
import { api, asked, serveJson } from "../../../tests/support/dom";
import { closeEventsQueuedAsInBrowsers, nextTasks } from "../../../tests/support/dialogs";
import type { ReviewDraft, ReviewQueuePage } from "@/lib/review";
import { ReviewQueue } from "./ReviewQueue";

const draft = (id: string, title: string, publishesAt: string | null = null): ReviewDraft => ({
  id,
  title,
  script: `The script of ${title}.`,
  presentedBy: { name: "Anna", imageUrl: null },
  aspectRatio: "16:9",
  planDate: publishesAt ? publishesAt.slice(0, 10) : null,
  publishesAt,
  videoUrl: `/media/${id}/abcd1234.mp4`,
  thumbnailUrl: null,
  hasCaptions: true,
  duration: 12,
  createdAt: "2026-12-01T10:00:00.000Z",
});

/**
 * The queue page over a fake API that keeps what is still a draft: approvals and rejections take drafts out of what
 * GET /api/admin/review answers next, as the server would.
 */
function showQueue(drafts: ReviewDraft[]) {
  const server = { drafts: [...drafts], sent: [] as Array<{ path: string; body: unknown }> };
  const page = (): ReviewQueuePage => ({ drafts: server.drafts, count: server.drafts.length, nextCursor: null });
  const decide = (path: string, id: string, body: unknown) => {
    server.sent.push({ path, body });
    server.drafts = server.drafts.filter((item) => item.id !== id);
  };
  serveJson("/api/admin/review", page);
  api.use(
    http.post("/api/admin/videos/:id/approve", ({ params }) => {
      const id = String(params.id);
      if (!server.drafts.some((item) => item.id === id)) {
        return HttpResponse.json(
          {
            error: {
              code: "conflict",
              message: "This video is no longer awaiting review: it was already approved or published.",
            },
          },
          { status: 409 },
        );
      }
      decide(`approve ${id}`, id, null);
      return HttpResponse.json({ video: { id } });
    }),
    http.post("/api/admin/videos/:id/reject", async ({ params, request }) => {
      decide(`reject ${String(params.id)}`, String(params.id), await request.json());
      return HttpResponse.json({ video: { id: params.id } });
    }),
    http.post("/api/admin/review/approve", async ({ request }) => {
      const body = (await request.json()) as { ids: string[] };
      server.sent.push({ path: "bulk", body });
      server.drafts = server.drafts.filter((item) => !body.ids.includes(item.id));
      return HttpResponse.json({ approved: body.ids.map((id) => ({ id, publishAt: null })), skipped: [] });
    }),
  );
  const router = { refresh: vi.fn() } as unknown as AppRouterInstance;
  render(
    <StrictMode>
      <AppRouterContext.Provider value={router}>
        <SWRConfig value={{ provider: () => new Map() }}>
          <ReviewQueue initial={page()} />
        </SWRConfig>
      </AppRouterContext.Provider>
    </StrictMode>,
  );
  return server;
}

const items = () => screen.queryAllByTestId("review-item");
const titles = () => items().map((item) => item.querySelector("h2")?.textContent);
const itemOf = (title: string) => items().find((item) => item.querySelector("h2")?.textContent === title)!;
const button = (name: string | RegExp) => screen.getByRole("button", { name });

describe("ReviewQueue", () => {
  closeEventsQueuedAsInBrowsers();

  it("shows each draft playable with its script, and what approval does", () => {
    showQueue([draft("v1", "Monday", "2031-05-04T07:15:00.000Z"), draft("v2", "Loose")]);
    expect(titles()).toEqual(["Monday", "Loose"]);
    const monday = itemOf("Monday");
    expect(monday.querySelector("video")?.getAttribute("src")).toBe("/media/v1/abcd1234.mp4");
    expect(monday.querySelector("track")?.getAttribute("src")).toBe("/api/videos/v1/captions");
    expect(monday.textContent).toContain("The script of Monday.");
    expect(monday.textContent).toContain("Publishes ");
    expect(monday.querySelector("time")?.getAttribute("datetime")).toBe("2031-05-04T07:15:00.000Z");
    expect(itemOf("Loose").textContent).toContain("Publishes at once");
  });

  it("approves one: it leaves, focus moves to the next draft, and the outcome is announced", async () => {
    const server = showQueue([draft("v1", "One"), draft("v2", "Two"), draft("v3", "Three")]);
    fireEvent.click(button("Approve “Two”"));
    await nextTasks();
    expect(server.sent.map((item) => item.path)).toEqual(["approve v2"]);
    expect(titles()).toEqual(["One", "Three"]);
    expect(document.activeElement).toBe(itemOf("Three"));
    expect(screen.getByRole("status").textContent).toBe("Approved “Two”: it is public now.");
  });

  it("a draft decided elsewhere: the refusal is an alert, and the queue is read again", async () => {
    const server = showQueue([draft("v1", "One"), draft("v2", "Two")]);
    server.drafts = server.drafts.filter((item) => item.id !== "v1"); // another admin approved it
    const before = asked().length;
    fireEvent.click(button("Approve “One”"));
    await nextTasks();
    expect(screen.getByRole("alert").textContent).toMatch(/already approved or published/);
    expect(asked().slice(before)).toContain("/api/admin/review");
    expect(titles()).toEqual(["Two"]);
  });

  it("rejects with a reason asked in a dialog; an empty reason is refused without a request", async () => {
    const server = showQueue([draft("v1", "One"), draft("v2", "Two")]);
    fireEvent.click(button("Reject… “One”"));
    await nextTasks();
    const dialog = screen.getByRole("dialog", { name: "Reject “One”?" });
    fireEvent.click(screen.getByRole("button", { name: "Reject" }));
    await nextTasks();
    expect(screen.getByRole("alert").textContent).toBe("Say why it is rejected.");
    expect(server.sent).toEqual([]);

    fireEvent.change(screen.getByLabelText("Reason"), { target: { value: "The logo is wrong." } });
    fireEvent.click(screen.getByRole("button", { name: "Reject" }));
    await nextTasks();
    expect(server.sent).toEqual([{ path: "reject v1", body: { reason: "The logo is wrong." } }]);
    expect(dialog.isConnected).toBe(false);
    expect(titles()).toEqual(["Two"]);
    expect(document.activeElement).toBe(itemOf("Two"));
  });

  it("approves a selection at once; select all selects every draft shown", async () => {
    const server = showQueue([draft("v1", "One"), draft("v2", "Two"), draft("v3", "Three")]);
    expect(button("Approve selected (0)")).toHaveProperty("disabled", true);
    fireEvent.click(screen.getByRole("checkbox", { name: "One" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Three" }));
    fireEvent.click(button("Approve selected (2)"));
    await nextTasks();
    expect(server.sent).toEqual([{ path: "bulk", body: { ids: ["v1", "v3"] } }]);
    expect(titles()).toEqual(["Two"]);
    expect(screen.getByRole("status").textContent).toBe("Approved 2 drafts.");

    fireEvent.click(screen.getByRole("checkbox", { name: "Select all" }));
    expect(button("Approve selected (1)")).toHaveProperty("disabled", false);
  });

  it("keyboard: j / k move between drafts, a approves the focused one, r rejects; typing is never a shortcut", async () => {
    const server = showQueue([draft("v1", "One"), draft("v2", "Two"), draft("v3", "Three")]);
    itemOf("One").focus();
    fireEvent.keyDown(document.activeElement!, { key: "j" });
    expect(document.activeElement).toBe(itemOf("Two"));
    fireEvent.keyDown(document.activeElement!, { key: "j" });
    fireEvent.keyDown(document.activeElement!, { key: "k" });
    expect(document.activeElement).toBe(itemOf("Two"));
    fireEvent.keyDown(document.activeElement!, { key: "x" });
    expect(screen.getByRole("checkbox", { name: "Two" })).toHaveProperty("checked", true);

    fireEvent.keyDown(document.activeElement!, { key: "r" });
    await nextTasks();
    const reason = screen.getByLabelText("Reason");
    fireEvent.keyDown(reason, { key: "a" });
    await nextTasks();
    expect(server.sent).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await nextTasks();

    itemOf("Two").focus();
    fireEvent.keyDown(document.activeElement!, { key: "a" });
    await nextTasks();
    expect(server.sent.map((item) => item.path)).toEqual(["approve v2"]);
    expect(document.activeElement).toBe(itemOf("Three"));
  });

  it("says when nothing awaits review, with the heading focused once the last draft is decided", async () => {
    showQueue([draft("v1", "Only")]);
    fireEvent.click(button("Approve “Only”"));
    await nextTasks();
    const heading = screen.getByRole("heading", { name: "Nothing awaits review" });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByRole("link", { name: "Open the plan" }).getAttribute("href")).toBe("/admin/plan");
  });
});
