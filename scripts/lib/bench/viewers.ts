import type { Browser, BrowserContext, Page } from "playwright-core";
import { percentile, printBlock } from "../http-load";
import type { Stack } from "../webhook-load-stack";
import { secondsOf } from "./format";
import { createRenderingVideos } from "./videos";
import { completeVideo } from "./webhooks";

/** How long the viewers watch their videos render before the webhooks arrive. */
const WATCH_MS = 60_000;
/** Longest wait from a webhook to its page's `canplay`; past it the run counts as broken. */
const PLAYABLE_TIMEOUT_MS = 30_000;

declare global {
  interface Window {
    /** Date.now() at the page's first `canplay`, set by the bench's init script. */
    benchCanplayAt?: number;
  }
}

export type ViewerFigures = {
  requestsPerMinute: { max: number; mean: number };
  /** From the webhook's post to the page's first `canplay`. */
  playableMs: { p50: number; p95: number; max: number };
};

type Viewer = { context: BrowserContext; page: Page; openedAt: number; requestedAt: number[] };

/**
 * One viewer per rendering video, each in a browser context of its own (empty cache, no cookies: not the admin).
 * While they wait: how often each page asks /api/videos/. Then, one video at a time: from the webhook's post to the
 * page's `canplay`.
 */
export async function measureViewers(stack: Stack, browser: Browser, count: number): Promise<ViewerFigures> {
  const videos = await createRenderingVideos(stack, count);
  const viewers: Viewer[] = [];
  try {
    for (const video of videos) viewers.push(await openViewer(browser, `${stack.app.url}/videos/${video.id}`));
    await new Promise((resolve) => setTimeout(resolve, viewers.at(-1)!.openedAt + WATCH_MS - Date.now()));
    // Each page's requests in the first WATCH_MS after it was opened: a minute of a viewer's wait.
    const requestsPerMinute = viewers.map(
      (viewer) => viewer.requestedAt.filter((at) => at < viewer.openedAt + WATCH_MS).length / (WATCH_MS / 60_000),
    );

    const latenciesMs: number[] = [];
    for (const [index, video] of videos.entries()) {
      const postedAt = Date.now();
      await completeVideo(stack, video);
      const canplay = await viewers[index]!.page.waitForFunction(() => window.benchCanplayAt, undefined, {
        timeout: PLAYABLE_TIMEOUT_MS,
      }).catch(() => {
        throw new Error(
          `the watch page of video ${video.id} did not fire canplay within ${PLAYABLE_TIMEOUT_MS / 1000} s of its webhook`,
        );
      });
      latenciesMs.push((await canplay.jsonValue())! - postedAt);
    }
    return report(requestsPerMinute, latenciesMs);
  } finally {
    await Promise.all(viewers.map((viewer) => viewer.context.close()));
  }
}

async function openViewer(browser: Browser, url: string): Promise<Viewer> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // `canplay` does not bubble: a capturing listener on the document sees every media element's.
  await page.addInitScript(() =>
    document.addEventListener("canplay", () => (window.benchCanplayAt ??= Date.now()), { capture: true }),
  );
  const viewer: Viewer = { context, page, openedAt: Date.now(), requestedAt: [] };
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/videos/")) viewer.requestedAt.push(Date.now());
  });
  const response = await page.goto(url);
  if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
  // A hidden page may rightly stop polling: it would not measure a viewer who is watching.
  const visibility = await page.evaluate(() => document.visibilityState);
  if (visibility !== "visible") throw new Error(`the viewer's page is ${visibility}, not visible`);
  return viewer;
}

function report(requestsPerMinute: number[], latenciesMs: number[]): ViewerFigures {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const figures: ViewerFigures = {
    requestsPerMinute: {
      max: Math.max(...requestsPerMinute),
      mean: requestsPerMinute.reduce((sum, value) => sum + value, 0) / requestsPerMinute.length,
    },
    playableMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! },
  };
  const { max, mean } = figures.requestsPerMinute;
  const { p50, p95, max: slowest } = figures.playableMs;
  printBlock(`Viewers in Chromium: ${requestsPerMinute.length} watch pages of rendering videos, no cookies`, [
    ["requests/min", `to /api/videos/ per viewer while rendering: max ${max.toFixed(1)}, mean ${mean.toFixed(1)}`],
    ["playable", `webhook → canplay: p50 ${secondsOf(p50)}, p95 ${secondsOf(p95)}, max ${secondsOf(slowest)}`],
  ]);
  return figures;
}
