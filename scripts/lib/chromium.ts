import { chromium, type Browser } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium"; // Debian's package: `apt-get install chromium`

/**
 * Debian's Chromium, headless, as the e2e tests launch it; the flags keep it off the network. The caller closes it:
 * Playwright's own Ctrl-C handler would exit the process before the caller stops what else it started.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}
