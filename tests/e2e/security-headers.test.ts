import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import { startApp, type RunningApp } from "./app";
import { launchChromium } from "./browser";
import { SESSION_SECRET } from "./global-setup";

// The global app's database, HeyGen and admin credentials: the same deployment, more instances of its build.
const base = {
  DATABASE_URL: inject("e2eDatabaseUrl"),
  HEYGEN_API_URL: inject("heygenUrl"),
  HEYGEN_API_KEY: inject("heygenApiKey"),
  ADMIN_PASSWORD: inject("adminPassword"),
  SESSION_SECRET,
};

let httpApp: RunningApp;
let httpsApp: RunningApp;
let browser: Browser;
let videoId: string;

beforeAll(async () => {
  [httpApp, httpsApp, browser] = await Promise.all([
    startApp(base), // APP_URL: its own http://127.0.0.1 address
    startApp({ ...base, APP_URL: "https://videos.example.test" }),
    launchChromium(),
  ]);
  videoId = await finishedVideo(httpApp);
});
afterAll(async () => {
  await Promise.all([httpApp?.stop(), httpsApp?.stop(), browser?.close()]);
});

async function adminCookie(app: RunningApp): Promise<string> {
  const response = await fetch(`${app.url}/api/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password: base.ADMIN_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

/** A video rendered by the fake HeyGen, so that its watch page plays real media. */
async function finishedVideo(app: RunningApp): Promise<string> {
  const response = await fetch(`${app.url}/api/videos`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: await adminCookie(app) },
    body: JSON.stringify({
      title: "Headers test",
      script: "Hello",
      avatarId: fakeLooks[0]!.id,
      aspectRatio: "16:9",
      resolution: "720p",
    }),
  });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  for (let deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
    const video = (await (await fetch(`${app.url}/api/videos/${id}`)).json()) as { status: string };
    if (video.status === "COMPLETED") return id;
  }
  throw new Error("the fake HeyGen did not finish the video in 30 s");
}

async function headersOf(app: RunningApp, path: string, cookie?: string) {
  const response = await fetch(`${app.url}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  await response.arrayBuffer();
  return { status: response.status, get: (name: string) => response.headers.get(name) };
}

const directives = (csp: string | null) =>
  Object.fromEntries(
    (csp ?? "").split("; ").map((directive) => [directive.split(" ")[0], directive.slice(directive.indexOf(" ") + 1)]),
  );
const frameAncestors = (csp: string | null) => csp?.match(/frame-ancestors ([^;]+)/)?.[1];

describe("security headers", () => {
  it("sends the CSP, nosniff and Referrer-Policy everywhere; only the embed player may be framed, by any site", async () => {
    const cookie = await adminCookie(httpApp);
    const watchUrl = `${httpApp.url}/videos/${videoId}`;
    const pages = [
      { path: "/", status: 200, framedBy: "'none'" },
      { path: "/login", status: 200, framedBy: "'none'" },
      { path: "/admin", status: 307, framedBy: "'none'" }, // no session: the proxy's redirect
      { path: "/admin", cookie, status: 200, framedBy: "'none'" },
      { path: `/videos/${videoId}`, status: 200, framedBy: "'none'" },
      { path: `/embed/${videoId}`, status: 200, framedBy: "*" },
      { path: `/embed/${videoId}/more`, status: 404, framedBy: "'none'" },
      { path: "/embed", status: 404, framedBy: "'none'" },
      { path: `/api/videos/${videoId}`, status: 200, framedBy: "'none'" },
      { path: `/api/oembed?${new URLSearchParams({ url: watchUrl })}`, status: 200, framedBy: "'none'" },
    ];
    for (const page of pages) {
      const headers = await headersOf(httpApp, page.path, page.cookie);
      const csp = headers.get("content-security-policy");
      expect({ path: page.path, status: headers.status, framedBy: frameAncestors(csp) }).toEqual({
        path: page.path,
        status: page.status,
        framedBy: page.framedBy,
      });
      if (page.path.startsWith("/api/")) {
        // An API answer is no document: it may load nothing (next.config.ts).
        expect({ path: page.path, csp }).toEqual({
          path: page.path,
          csp: "default-src 'none'; frame-ancestors 'none'",
        });
      } else {
        // A page (src/proxy.ts): scripts from this origin or by this request's nonce only.
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==';/);
        // Images and media: the app, HeyGen's media hosts, and the fake HeyGen that serves this deployment's media.
        const media = `'self' https://*.heygen.ai ${new URL(base.HEYGEN_API_URL).origin}`;
        expect(directives(csp)).toMatchObject({ "img-src": `${media} data: blob:`, "media-src": `${media} blob:` });
      }
      expect(csp).not.toContain("unsafe-eval"); // development only
      // X-Frame-Options cannot say "any site": absent on the embed player, DENY everywhere else.
      expect({ path: page.path, xFrameOptions: headers.get("x-frame-options") }).toEqual({
        path: page.path,
        xFrameOptions: page.framedBy === "*" ? null : "DENY",
      });
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    }
  });

  it("lets a page run only the scripts that carry this request's nonce: Next's own do, fresh for each request", async () => {
    const nonces: string[] = [];
    for (const path of ["/", "/login", `/videos/${videoId}`, `/embed/${videoId}`, "/no-such-page", "/login"]) {
      const response = await fetch(`${httpApp.url}${path}`);
      const html = await response.text();
      const scriptSrc = response.headers.get("content-security-policy")?.match(/script-src ([^;]+)/)?.[1];
      const nonce = scriptSrc?.match(/^'self' 'nonce-([^']+)'$/)?.[1];
      expect({ path, scriptSrc, hasNonce: Boolean(nonce) }).toEqual({ path, scriptSrc, hasNonce: true });
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
      expect(scripts.length).toBeGreaterThan(1); // Next's chunks and its inline payload
      for (const tag of scripts)
        expect({ path, tag }).toEqual({ path, tag: expect.stringContaining(` nonce="${nonce}"`) });
      nonces.push(nonce!);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it("refuses an inline script without the nonce, as one injected into a page would be", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${httpApp.url}/login`);
    await page.locator("button[type=submit]:not([disabled])").waitFor(); // enabled once hydrated: its scripts ran
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injectedRan = true";
      document.body.append(script);
      return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
    });
    expect(ran).toBe(false);
    // Reported once by the page's own listener, and once more in the console: that script, nothing else.
    await expect.poll(() => violations.filter((text) => text.startsWith("script-src-elem: inline ")).length).toBe(1);
    expect(
      violations.filter((text) => !/^script-src-elem: inline |^Executing inline script violates/.test(text)),
    ).toEqual([]);
    await context.close();
  });

  it("sends HSTS exactly when APP_URL is https, from one build", async () => {
    for (const path of ["/", "/login", "/admin", `/videos/${videoId}`, `/embed/${videoId}`, "/api/videos"]) {
      expect((await headersOf(httpApp, path)).get("strict-transport-security")).toBeNull();
      expect((await headersOf(httpsApp, path)).get("strict-transport-security")).toBe(
        "max-age=63072000; includeSubDomains",
      );
    }
  });

  it("the pages work under the CSP: Chromium reports no violation on /, /login, /admin, a watch page and its embed player", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchViolations(page);

    await page.goto(httpApp.url);
    await page.getByText("Headers test").first().waitFor();
    await page.goto(`${httpApp.url}/login`);
    await page.fill("input[name=password]", base.ADMIN_PASSWORD);
    await page.click("button[type=submit]:not([disabled])"); // enabled once hydrated: the scripts ran
    await page.waitForURL(`${httpApp.url}/admin`);
    await page.getByText("Log out everywhere").waitFor();
    await page.goto(`${httpApp.url}/videos/${videoId}`);
    // The fake HeyGen's MP4 comes from another origin (http://127.0.0.1:<its port>): media-src allows it.
    const played = await page.getByTestId("video-ready").evaluate(playMuted);
    await page.goto(`${httpApp.url}/embed/${videoId}`);
    const playedEmbedded = await page.getByTestId("video-ready").evaluate(playMuted);
    expect(violations).toEqual([]);
    expect(played).toBe(true);
    expect(playedEmbedded).toBe(true);
    await context.close();
  });
});

/** Plays the video muted (no user gesture needed) and says whether it advanced. Runs in the page. */
async function playMuted(video: HTMLVideoElement): Promise<boolean> {
  video.muted = true;
  await video.play();
  for (let i = 0; i < 50 && video.currentTime === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return video.currentTime > 0;
}

/** CSP violations as the page itself sees them, and as Chromium logs them to the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective}: ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${location.pathname} ${event.sample}`,
      ),
    );
  });
  return violations;
}
