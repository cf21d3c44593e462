import { describe, expect, it } from "vitest";
import { GET as pendingRoute } from "@/app/api/admin/pending/route";
import { GET as queueRoute } from "@/app/api/admin/review/route";
import { GET as listAdminVideos } from "@/app/api/admin/videos/route";
import type { NextRequest } from "next/server";
import type { Video } from "@/generated/prisma/client";
import type { VideoStatus } from "@/generated/prisma/enums";
import type { PendingView } from "@/lib/pending";
import type { ReviewQueuePage } from "@/lib/review";
import type { AdminVideoPage } from "@/lib/video-list-query";
import { db } from "@/server/db";
import { callRoute } from "../support/route-scope";
import { adminCookie, getRequest, videoRow } from "../support/requests";

/** A translation of `source` as lane 1's insertVariant records it: the source's format and visibility, its language. */
async function variantOf(source: Pick<Video, "id" | "title" | "visibility">, language: string, status: VideoStatus) {
  return db.video.create({
    data: {
      ...videoRow,
      title: `${source.title} (${language})`,
      status,
      visibility: source.visibility,
      sourceVideoId: source.id,
      language,
      variantKey: status === "FAILED" ? null : `${source.id}:${language}`,
      options: { mode: "precision", captions: false },
      completedAt: status === "COMPLETED" ? new Date() : null,
    },
  });
}

const source = (title: string, visibility: "PUBLIC" | "DRAFT" = "PUBLIC") =>
  db.video.create({ data: { ...videoRow, title, status: "COMPLETED", visibility, completedAt: new Date() } });

async function get<T>(route: (request: NextRequest) => Promise<Response>, path: string): Promise<T> {
  const response = await callRoute(async () => route(getRequest(path, await adminCookie())));
  expect(response.response.status).toBe(200);
  return (await response.response.json()) as T;
}

describe("translations (issue 19) in the admin's lists", () => {
  it("the admin list shows a translation with its language, how it was asked, and the video it translates", async () => {
    const news = await source("Morning news");
    const german = await variantOf(news, "German (Germany)", "COMPLETED");
    const { videos } = await get<AdminVideoPage>(listAdminVideos, "/api/admin/videos");
    expect(videos.find((video) => video.id === german.id)?.translationOf).toEqual({
      language: "German (Germany)",
      sourceId: news.id,
      sourceTitle: "Morning news",
      mode: "precision",
      captions: false,
    });
    expect(videos.find((video) => video.id === news.id)?.translationOf).toBeNull();
  });

  it("the review queue and its count leave a draft's translations out: they follow its approval", async () => {
    const draft = await source("A draft", "DRAFT");
    await variantOf(draft, "French (France)", "COMPLETED");
    const page = await get<ReviewQueuePage>(queueRoute, "/api/admin/review");
    expect(page.drafts.map((queued) => queued.id)).toEqual([draft.id]);
    expect(page.count).toBe(1);
  });

  it("the pending list shows a translation in flight with its language and its source", async () => {
    const news = await source("Evening news");
    const spanish = await variantOf(news, "Spanish (Spain)", "PROCESSING");
    const view = await get<PendingView>(pendingRoute, "/api/admin/pending");
    expect(view.videos.map((video) => [video.title, video.translationOf])).toEqual([
      ["Evening news (Spanish (Spain))", { language: "Spanish (Spain)", sourceId: news.id }],
    ]);
    expect(view.videos[0]!.id).toBe(spanish.id);
  });
});
