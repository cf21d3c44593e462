import { describe, expect, it } from "vitest";
import WatchPage from "@/app/(site)/videos/[id]/page";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { db } from "@/server/db";
import { adminCookie, jsonRequest, validVideoInput } from "../support/requests";
import { pageHtml } from "../support/page-html";

const SCRIPT = "A script only admins read on the page.";

/** The watch page's HTML as Next renders it for a request carrying `cookie` (none: a viewer). */
const watchPageHtml = (id: string, cookie?: string) =>
  pageHtml(cookie, () => WatchPage({ params: Promise.resolve({ id }) } as never));

async function aVideo() {
  const presenter = await db.presenter.create({
    data: { name: "Anna", avatarId: validVideoInput.avatarId, aspectRatio: "16:9", resolution: "720p" },
  });
  const response = await createVideoRoute(
    jsonRequest(
      "/api/videos",
      { ...validVideoInput, script: SCRIPT, presenterId: presenter.id },
      {
        cookie: await adminCookie(),
      },
    ),
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** What only the admin's panel says (the script itself is public: the viewer's transcript shows it). Regenerate is
 * not offered while the video renders. */
const ADMIN_ONLY = ['data-testid="video-script"', "How it was made", 'href="/admin/videos"', "HeyGen events"];

describe("the watch page, for an admin and for a viewer", () => {
  it("gives the admin the script, the settings, the cost, the actions, the events and a way back to the list", async () => {
    const html = await watchPageHtml(await aVideo(), await adminCookie());
    for (const text of ADMIN_ONLY) expect(html).toContain(text);
    expect(html).toContain("Delete");
    expect(html).toContain('data-testid="video-cost-estimate"');
    expect(html).toContain("Anna");
  });

  it("shows a viewer who presents, and none of the admin's panel", async () => {
    const html = await watchPageHtml(await aVideo());
    expect(html).toContain("Anna");
    for (const text of ADMIN_ONLY) expect(html).not.toContain(text);
    expect(html).not.toContain("video-cost-estimate");
  });
});
