/**
 * Said on every page of the site while the app talks to the offline fake (src/server/demo-mode.ts), to admins and
 * viewers alike: a demo site is a demo, and its pretend credits, keys and videos must never pass for real ones.
 */
export function DemoBanner() {
  return (
    <p data-testid="demo-banner" className="bg-amber-50 px-4 py-1.5 text-center text-sm text-amber-900">
      <strong className="font-semibold">Demo mode:</strong> no real videos are made.
    </p>
  );
}
