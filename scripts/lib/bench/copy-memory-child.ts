/**
 * The bench's copy-memory child (scripts/lib/bench/copy-memory.ts): copies `<url>` into local storage with the app's
 * own copy (src/server/media/copy/copy-files.ts: HeyGen's host check, the size checks, SHA-256, the streamed write),
 * sampling this process's RSS, and prints one JSON line: the bytes copied, the RSS before and at its peak, the time.
 * Runs under the react-server condition, where `server-only` lets the app's server modules load.
 */
const [url, warmUpUrl] = process.argv.slice(2);
if (!url || !warmUpUrl) throw new Error("usage: copy-memory-child.ts <url> <warm-up url>");

const { copyFiles } = await import("../../../src/server/media/copy/copy-files");
const copy = (videoUrl: string, videoId: string) =>
  copyFiles(videoId, { videoUrl, thumbnailUrl: null, subtitleUrl: null });

// Modules, the HTTP client and the file system warmed up by a small copy first: the baseline is the process at work.
await copy(warmUpUrl, "benchwarmup0000000000");
const baselineRss = process.memoryUsage.rss();
let peakRss = baselineRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
const started = performance.now();
const media = await copy(url, "benchcopy00000000000000");
const ms = performance.now() - started;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage.rss());
console.log(JSON.stringify({ bytes: media.files.video.bytes, baselineRss, peakRss, ms }));
process.exit(0);

export {};
