import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { printBlock } from "../http-load";
import type { Stack } from "../webhook-load-stack";
import { kilobytes } from "./format";
import { createRenderingVideos } from "./videos";
import { completeVideo, waitForRenderDetails } from "./webhooks";

/** An unknown path: the root layout and the not-found page, the closest thing to an empty page of this build. */
const EMPTY_PAGE = "/bench-no-such-page";

export type FirstLoadFigures = { watchBytes: number; emptyBytes: number };

/** The gzip size of the JavaScript a first visit (empty cache) downloads: the watch page of a finished video, and the 404. */
export async function measureFirstLoadJs(stack: Stack, browser: Browser): Promise<FirstLoadFigures> {
  const [video] = await createRenderingVideos(stack, 1);
  await completeVideo(stack, video!);
  await waitForRenderDetails(stack, [video!.id], 10_000);
  const watch = await scriptsOf(browser, `${stack.app.url}/videos/${video!.id}`, 200);
  const empty = await scriptsOf(browser, `${stack.app.url}${EMPTY_PAGE}`, 404);
  const figures = { watchBytes: gzipSize(watch), emptyBytes: gzipSize(empty) };
  printBlock("First-load JavaScript, gzip -9 of each script's body, empty cache", [
    ["watch page", `${kilobytes(figures.watchBytes)} in ${watch.length} scripts (/videos/[id], finished video)`],
    ["empty page", `${kilobytes(figures.emptyBytes)} in ${empty.length} scripts (${EMPTY_PAGE}, the 404)`],
    ["difference", kilobytes(figures.watchBytes - figures.emptyBytes)],
  ]);
  return figures;
}

/** Bodies of every script the page loads, once each, in a fresh browser context (empty cache). */
async function scriptsOf(browser: Browser, url: string, expectedStatus: number): Promise<Buffer[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const bodies = new Map<string, Promise<Buffer>>();
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") bodies.set(response.url(), response.body());
    });
    // Network idle: chunks loaded after hydration count too. The player's long-poll is held open for as long as the
    // page is (a finished video's too, since issue 18), so the network would never be idle: it is refused here (the
    // player then polls every 30 s), which changes no script the page loads.
    await page.route(/\/api\/videos\/[^/?]+\?wait=/, (route) => route.abort());
    const response = await page.goto(url, { waitUntil: "networkidle" });
    if (response?.status() !== expectedStatus)
      throw new Error(`${url} answered ${response?.status()}, expected ${expectedStatus}`);
    return await Promise.all(bodies.values());
  } finally {
    await context.close();
  }
}

/** Each body compressed on its own, as a server sends it: the server's own compression (if any) is not what is counted. */
export function gzipSize(bodies: Buffer[]): number {
  return bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
}
