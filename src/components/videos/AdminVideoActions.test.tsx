import { fireEvent, render, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { StrictMode } from "react";
import { describe, expect, it, vi } from "vitest";
import type { AdminVideo, VideoStatus } from "@/lib/video";
import { adminVideo, renderingVideo } from "../../../tests/support/client-video";
import { nextTasks } from "../../../tests/support/dialogs";
import { api, asked } from "../../../tests/support/dom";
import { AdminVideoActions } from "./AdminVideoActions";

function video(status: VideoStatus, fields: Partial<AdminVideo> = {}): AdminVideo {
  return { ...adminVideo(renderingVideo({ id: "v1", title: "Morning news", status })), ...fields };
}

function showActions(of: AdminVideo) {
  const props = { onNotice: vi.fn(), onChanged: vi.fn(), onDelete: vi.fn() };
  render(
    <StrictMode>
      <AdminVideoActions video={of} {...props} />
    </StrictMode>,
  );
  return props;
}

/** The regenerate requests made, with their Idempotency-Key; each answered with `answer`. */
function serveRegenerate(answer: () => Response) {
  const keys: Array<string | null> = [];
  api.use(
    http.post("/api/admin/videos/:id/regenerate", ({ request }) => {
      keys.push(request.headers.get("idempotency-key"));
      return answer();
    }),
  );
  return keys;
}

const made = () => HttpResponse.json(renderingVideo({ id: "v2", status: "PROCESSING" }), { status: 201 });
const regenerateButton = () => screen.queryByRole("button", { name: "Regenerate “Morning news”" });

async function openConfirmation() {
  fireEvent.click(regenerateButton()!);
  await nextTasks();
  return screen.getByRole("dialog", { name: "Regenerate “Morning news”?" });
}

describe("AdminVideoActions: Regenerate", () => {
  it.each([
    ["COMPLETED", true],
    ["FAILED", true],
    ["PENDING", false],
    ["PROCESSING", false],
  ] as const)("is offered on a %s video: %s", (status, offered) => {
    showActions(video(status));
    expect(regenerateButton() !== null).toBe(offered);
    expect(screen.getByRole("button", { name: "Delete “Morning news”" })).toBeTruthy();
  });

  it("asks first, with the cost of a render as long as this one, and makes nothing when cancelled", async () => {
    const keys = serveRegenerate(made);
    const props = showActions(video("COMPLETED", { duration: 42, scriptSeconds: 30 }));
    const dialog = await openConfirmation();
    expect(within(dialog).getByTestId("regenerate-cost").textContent).toBe(
      "As long as this one (0:42): ≈ $4.20 at HeyGen’s $0.10 a second.",
    );
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));

    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await nextTasks();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(keys).toEqual([]);
    expect(asked()).toEqual([]);
    expect(props.onNotice).not.toHaveBeenCalled();
  });

  it("prices a failed video from its script at its voice speed, as the Studio does", async () => {
    showActions(
      video("FAILED", {
        duration: null,
        scriptSeconds: 25,
        options: { voiceSpeed: 1.2, captions: "sidecar", outputFormat: "mp4" },
      }),
    );
    const dialog = await openConfirmation();
    expect(within(dialog).getByTestId("regenerate-cost").textContent).toBe(
      "About 0:25 spoken at 1.2× speed: ≈ $2.50 at HeyGen’s $0.10 a second.",
    );
    expect(within(dialog).getByRole("button", { name: "Regenerate (≈ $2.50)" })).toBeTruthy();
  });

  it("regenerates once confirmed: one request with a key, the notice with its link, the lists read again", async () => {
    const keys = serveRegenerate(made);
    const props = showActions(video("COMPLETED", { duration: 42 }));
    const dialog = await openConfirmation();
    fireEvent.click(within(dialog).getByRole("button", { name: "Regenerate (≈ $4.20)" }));
    await nextTasks();

    expect(keys).toEqual([expect.stringMatching(/.{16,}/)]);
    expect(props.onNotice).toHaveBeenCalledWith({
      kind: "done",
      message: "Regenerating “Morning news” as a new video.",
      link: { href: "/videos/v2", label: "Watch it" },
    });
    expect(props.onChanged).toHaveBeenCalled();
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("says a refusal inside the dialog, which stays open; a second try sends a new key", async () => {
    let refuse = true;
    const keys = serveRegenerate(() =>
      refuse
        ? HttpResponse.json(
            { error: { code: "heygen_no_credits", message: "HeyGen has no credits left." } },
            { status: 402 },
          )
        : made(),
    );
    const props = showActions(video("FAILED"));
    const dialog = await openConfirmation();
    fireEvent.click(within(dialog).getByRole("button", { name: /^Regenerate/ }));
    await nextTasks();
    expect(within(dialog).getByRole("alert").textContent).toBe("It was not regenerated: HeyGen has no credits left.");
    expect(screen.getByRole("dialog")).toBe(dialog);
    expect(props.onChanged).toHaveBeenCalled(); // the refused attempt is in the list
    expect(props.onNotice).not.toHaveBeenCalled();

    refuse = false;
    fireEvent.click(within(dialog).getByRole("button", { name: /^Regenerate/ }));
    await nextTasks();
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
    expect(props.onNotice).toHaveBeenCalledOnce();
  });
});
