// In scripts/lib so that the bench (npm run bench) launches Chromium the same way the browser tests do.
export { launchChromium } from "../../scripts/lib/chromium";
