import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import SiteLayout from "@/app/(site)/layout";
import { restartProcess } from "../support/restart-process";

/** The site's layout as a process started with this HEYGEN_API_URL renders it, around an empty page. */
async function siteHtml(heygenApiUrl: string): Promise<string> {
  vi.stubEnv("HEYGEN_API_URL", heygenApiUrl);
  await restartProcess();
  return renderToStaticMarkup(SiteLayout({ children: null }));
}

describe("the offline demo says so on every page (issue 16)", () => {
  it.each(["http://127.0.0.1:4010", "http://localhost:4106", "http://[::1]:4010"])(
    "with the fake HeyGen on this machine (%s): the banner, worded for anyone",
    async (url) => {
      const html = await siteHtml(url);
      expect(html).toContain("Demo mode:</strong> no real videos are made.");
      expect(html).not.toMatch(/HeyGen/);
    },
  );

  it.each(["https://api.heygen.com", "https://heygen-proxy.example.com"])(
    "with a HeyGen elsewhere (%s): none",
    async (url) => {
      expect(await siteHtml(url)).not.toContain("Demo mode");
    },
  );
});
