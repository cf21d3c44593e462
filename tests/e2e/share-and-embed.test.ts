import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks, FAKE_MARKERS } from "../../src/mocks/heygen/fake-heygen";
import { launchChromium } from "./browser";

const appUrl = inject("appUrl");
const SCREENSHOT = path.resolve(import.meta.dirname, "../../test-results/screenshots/embed.png");
/** What link previewers send: Next renders the metadata into <head> for the ones it knows. */
const PREVIEWERS = [
  "facebookexternalhit/1.1",
  "Twitterbot/1.0",
  "Slackbot-LinkExpanding 1.0",
  "Mastodon/4.3.0 (http.rb/5.2.0)",
];

let browser: Browser;
let finished: { id: string };
let failedId: string;
/** Another site: a page on another origin (localhost, not 127.0.0.1: another site too) that frames ours. */
let otherSite: { url: string; pages: Map<string, string>; server: Server };

beforeAll(async () => {
  const cookie = await adminCookie();
  [browser, finished, failedId, otherSite] = await Promise.all([
    launchChromium(),
    renderedVideo(cookie, "Share & embed <e2e>", "Hello from the embed test.", "COMPLETED").then((id) => ({ id })),
    renderedVideo(cookie, "Share failed", `This one fails ${FAKE_MARKERS.fail}`, "FAILED"),
    startOtherSite(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => otherSite?.server.close(resolve));
});

async function adminCookie(): Promise<string> {
  const response = await fetch(`${appUrl}/api/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password: inject("adminPassword") }),
  });
  expect(response.status).toBe(200);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

/** The id of a landscape 720p video made through the API, once the fake HeyGen brought it to `status`. */
async function renderedVideo(cookie: string, title: string, script: string, status: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/videos`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ title, script, avatarId: fakeLooks[0]!.id, aspectRatio: "16:9", resolution: "720p" }),
  });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  for (let deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 300))) {
    const video = (await (await fetch(`${appUrl}/api/videos/${id}`)).json()) as { status: string; videoUrl: string };
    // A finished video is also copied to our storage moments later: shares name our copy from then on.
    if (video.status === status && (status !== "COMPLETED" || video.videoUrl.startsWith("/media/"))) return id;
  }
  throw new Error(`the fake HeyGen did not bring the video to ${status} in 30 s`);
}

async function startOtherSite() {
  const pages = new Map<string, string>();
  const server = createServer((request, response) => {
    const body = pages.get(request.url ?? "");
    response.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" }).end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}`, pages, server };
}

/** A page of the other site around `html`; a blog post with a pasted embed, say. */
function otherSitePage(name: string, html: string): string {
  otherSite.pages.set(
    `/${name}`,
    `<!doctype html><html lang="en"><head><title>Another site</title></head>
<body style="margin:24px;background:#f1f5f9;font:16px sans-serif"><p>A post on another site, with a video:</p>${html}</body></html>`,
  );
  return `${otherSite.url}/${name}`;
}

/** The tags a previewer reads: <meta> and <link rel=alternate> of <head>, as an HTML parser sees them (no script). */
async function headTagsFor(userAgent: string, pagePath: string) {
  const context = await browser.newContext({ userAgent, javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(`${appUrl}${pagePath}`);
  expect(response?.status()).toBe(200);
  const tags = await page.evaluate(() => ({
    meta: Object.fromEntries(
      [...document.head.querySelectorAll("meta[property], meta[name]")].map((meta) => [
        meta.getAttribute("property") ?? meta.getAttribute("name"),
        meta.getAttribute("content"),
      ]),
    ),
    oEmbed:
      document.head.querySelector('link[rel=alternate][type="application/json+oembed"]')?.getAttribute("href") ?? null,
    title: document.title,
  }));
  await context.close();
  return tags;
}

/** Chromium's own reports of a frame it refused to show and of CSP violations, from the console. */
function refusals(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (/Refused|Content Security Policy/i.test(message.text())) messages.push(message.text());
  });
  return messages;
}

describe("share previews", () => {
  it.each(PREVIEWERS)(
    "a finished video's watch page gives %s Open Graph, Twitter player and oEmbed tags",
    async (userAgent) => {
      const { id } = finished;
      // Our copy, named by its content: a link shared today still previews next month.
      const ours = (ext: string) => expect.stringMatching(new RegExp(`^${appUrl}/media/${id}/[0-9a-f]{8}\\.${ext}$`));
      const videoUrl = ours("mp4");
      const watch = `${appUrl}/videos/${id}`;
      const { meta, oEmbed, title } = await headTagsFor(userAgent, `/videos/${id}`);
      expect(title).toBe("Share & embed <e2e> · Avatar Studio");
      expect(meta).toMatchObject({
        description: "A 0:05 AI avatar video on Avatar Studio.",
        "og:type": "video.other",
        "og:url": watch,
        "og:title": "Share & embed <e2e>",
        "og:site_name": "Avatar Studio",
        "og:image": ours("jpg"),
        "og:image:width": "1280",
        "og:image:height": "720",
        "og:video": videoUrl,
        "og:video:type": "video/mp4",
        "og:video:width": "1280",
        "og:video:height": "720",
        "twitter:card": "player",
        "twitter:player": `${appUrl}/embed/${id}`,
        "twitter:player:width": "640",
        "twitter:player:height": "360",
        "twitter:player:stream": videoUrl,
        "twitter:image": ours("jpg"),
      });
      // The fake HeyGen serves media over http: only an https video gets og:video:secure_url.
      expect(meta["og:video:secure_url"]).toBeUndefined();
      expect(meta["twitter:player:stream"]).toBe(meta["og:video"]);
      expect(oEmbed).toBe(`${appUrl}/api/oembed?${new URLSearchParams({ url: watch })}`);
    },
  );

  it("the advertised URLs answer: the thumbnail is an image, the video an MP4, the oEmbed JSON frames the player", async () => {
    const { meta, oEmbed } = await headTagsFor(PREVIEWERS[0]!, `/videos/${finished.id}`);
    for (const [url, type] of [
      [meta["og:image"], "image/jpeg"],
      [meta["og:video"], "video/mp4"],
    ]) {
      const media = await fetch(url!);
      await media.arrayBuffer();
      expect({ url, status: media.status, type: media.headers.get("content-type") }).toEqual({
        url,
        status: 200,
        type,
      });
    }
    const answer = (await (await fetch(oEmbed!)).json()) as {
      type: string;
      html: string;
      width: number;
      height: number;
    };
    expect(answer).toMatchObject({ type: "video", width: 640, height: 360 });
    expect(answer.html).toContain(`src="${appUrl}/embed/${finished.id}"`);
  });

  it("a failed video's page says only its title and description", async () => {
    const { meta, oEmbed } = await headTagsFor(PREVIEWERS[0]!, `/videos/${failedId}`);
    expect(meta.description).toBe("An AI avatar video on Avatar Studio.");
    expect(Object.keys(meta).filter((name) => /^(og|twitter):/.test(name!))).toEqual([]);
    expect(oEmbed).toBeNull();
  });
});

describe("the embed player", () => {
  it("is a frameable page without the site's header; the captions it links to are WebVTT", async () => {
    const response = await fetch(`${appUrl}/embed/${finished.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors \*(;|$)/);
    expect(response.headers.get("x-frame-options")).toBeNull();
    const html = await response.text();
    expect(html).not.toContain("<header");
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    const captions = await fetch(`${appUrl}/api/videos/${finished.id}/captions`);
    expect(captions.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(await captions.text()).toMatch(/^WEBVTT\n\n1\n00:00:00\.000 --> 00:00:02\.400\n/);
  });

  it("plays inside another site's page, pasted from the oEmbed answer", async () => {
    const watch = `${appUrl}/videos/${finished.id}`;
    const { html } = (await (await fetch(`${appUrl}/api/oembed?${new URLSearchParams({ url: watch })}`)).json()) as {
      html: string;
    };
    const page = await browser.newPage({ viewport: { width: 720, height: 480 } });
    const messages = refusals(page);
    await page.goto(otherSitePage("post-with-embed", html));
    const frame = await embeddedFrame(page, `${appUrl}/embed/${finished.id}`);
    const video = frame.getByTestId("video-ready");
    const readyState = await video.evaluate(async (element: HTMLVideoElement) => {
      element.muted = true;
      await element.play();
      for (let i = 0; i < 50 && (element.readyState < 2 || element.currentTime === 0); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return element.readyState;
    });
    expect(readyState).toBeGreaterThanOrEqual(2);
    expect(await frame.locator("header").count()).toBe(0);
    expect(await frame.locator("main").evaluate((main) => getComputedStyle(main).backgroundColor)).toBe("rgb(0, 0, 0)");
    const titleLink = frame.getByRole("link", { name: "Share & embed <e2e> (opens in a new tab)" });
    expect(await titleLink.getAttribute("href")).toBe(`/videos/${finished.id}`);
    expect(await titleLink.getAttribute("target")).toBe("_blank");
    await page.screenshot({ path: SCREENSHOT });
    expect(messages).toEqual([]);
    await page.close();
  });

  it.each([
    ["the watch page", () => `/videos/${finished.id}`],
    ["the admin page", () => "/admin"],
    ["the gallery", () => "/"],
  ])("other sites cannot frame %s", async (name, pathOf) => {
    const page = await browser.newPage();
    const messages = refusals(page);
    await page.goto(
      otherSitePage(`framing-${name.replace(/\W/g, "-")}`, `<iframe src="${appUrl}${pathOf()}"></iframe>`),
    );
    await expect.poll(() => messages.length).toBeGreaterThan(0);
    expect(messages.join("\n")).toMatch(/Refused to display|frame-ancestors 'none'/);
    expect(page.frames().some((frame) => frame.url().startsWith(appUrl))).toBe(false);
    await page.close();
  });
});

/** The iframe showing `url` once its document loaded. */
async function embeddedFrame(page: Page, url: string): Promise<Frame> {
  await page.waitForFunction(() => document.querySelector("iframe") !== null);
  const handle = await page.locator("iframe").elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.waitForURL(url);
  return frame!;
}
