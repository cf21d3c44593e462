import { chromium, type Browser } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium"; // Debian's package: `apt-get install chromium` (.ci/run does)

/** Debian's Chromium, headless; flags keep it off the network this machine does not have. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // Lets the test start playback without a user gesture.
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}
