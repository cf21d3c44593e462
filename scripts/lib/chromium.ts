import { chromium, type Browser } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium"; // Debian's package: `apt-get install chromium` (.ci/run does)

/**
 * Debian's Chromium, headless, for the browser tests and the bench; the flags keep it off the network this machine
 * does not have. `closeOnSignals: false` for a caller that stops everything itself on Ctrl-C: Playwright's own
 * handler would exit the process before the caller stops what else it started.
 */
export function launchChromium({ closeOnSignals = true } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    handleSIGINT: closeOnSignals,
    handleSIGTERM: closeOnSignals,
    handleSIGHUP: closeOnSignals,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // Lets playback start without a user gesture.
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}
