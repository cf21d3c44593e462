import { describe, expect, it } from "vitest";
import { generateMetadata as watchMetadata } from "@/app/(site)/videos/[id]/layout";
import WatchPage from "@/app/(site)/videos/[id]/page";
import EmbedPage, { generateMetadata as embedMetadata } from "@/app/embed/[id]/page";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { completedVideo } from "../support/completed-video";
import { pageHtml } from "../support/page-html";
import { adminCookie, videoRow } from "../support/requests";

/** Words of the pipeline a viewer must never read: the service's name, its states, its plumbing. */
const PIPELINE_WORDS = /heygen|unconfirmed|webhook|callback|pending|processing|completed|render(ing)? pipeline/i;

/** The text a reader sees on the page `render` returns (markup and the scripts React adds left out). */
async function pageText(cookie: string | undefined, render: () => Promise<unknown>): Promise<string> {
  return (await pageHtml(cookie, render))
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

const params = (id: string) => ({ params: Promise.resolve({ id }) }) as never;

async function inEachState() {
  const fields: Array<[string, Partial<Prisma.VideoCreateInput>]> = [
    ["queued", { status: "PENDING" }],
    ["unconfirmed", { status: "PENDING", unconfirmedReason: "HeyGen answered with a gateway error page" }],
    ["rendering", { status: "PROCESSING", heygenVideoId: "hg_1" }],
    ["failed", { status: "FAILED", error: "HeyGen: avatar look_1 is not available", completedAt: new Date() }],
    ["failed without a reason", { status: "FAILED", completedAt: new Date() }],
  ];
  const videos = await Promise.all(
    fields.map(async ([state, data]) => [state, (await db.video.create({ data: { ...videoRow, ...data } })).id]),
  );
  return [...videos, ["ready", (await completedVideo()).id]] as Array<[string, string]>;
}

describe("what a viewer reads names no part of the pipeline", () => {
  it("the watch page, its metadata and the embed, in every state, for a viewer without a session", async () => {
    for (const [state, id] of await inEachState()) {
      const watch = await pageText(undefined, () => WatchPage(params(id)));
      const embed = await pageText(undefined, () => EmbedPage(params(id)));
      const metadata = JSON.stringify([await watchMetadata(params(id)), await embedMetadata(params(id))]);
      expect(watch, `watch page, ${state}`).toContain(videoRow.title);
      expect(embed, `embed, ${state}`).toContain(videoRow.title);
      for (const [where, text] of [
        ["watch page", watch],
        ["embed", embed],
        ["metadata", metadata.replace(/"https?:[^"]*"/g, '""')],
      ]) {
        expect(text, `${where}, ${state}`).not.toMatch(PIPELINE_WORDS);
      }
    }
  });

  it("admins still read HeyGen's part: whose step it is and HeyGen's own message", async () => {
    const cookie = await adminCookie();
    const states = new Map(await inEachState());
    const text = (state: string) => pageText(cookie, () => WatchPage(params(states.get(state)!)));
    expect(await text("unconfirmed")).toContain("Waiting for HeyGen to confirm this video…");
    expect(await text("rendering")).toContain("HeyGen is rendering this video…");
    expect(await text("failed")).toContain("HeyGen: avatar look_1 is not available");
    expect(await text("failed without a reason")).toContain("HeyGen did not say why.");
  });
});
