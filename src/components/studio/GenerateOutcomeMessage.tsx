import Link from "next/link";
import type { GenerateOutcome } from "@/hooks/use-generate-video";

/**
 * What became of the last Generate: green when HeyGen took the job; amber, with the same words for every lost
 * answer (a hung create, a gateway's 502, an unreadable 200), when it may be rendering.
 */
export function GenerateOutcomeMessage({ outcome }: { outcome: GenerateOutcome }) {
  const { kind, video } = outcome;
  return (
    <p role="status" className={`text-sm ${kind === "created" ? "text-emerald-800" : "text-amber-800"}`}>
      {kind === "created"
        ? `HeyGen is rendering “${video.title}”. `
        : `HeyGen did not confirm “${video.title}”: it may still be rendering, so it was not sent again. Its page updates when HeyGen reports back. `}
      <Link href={`/videos/${video.id}`} className="font-medium underline">
        Watch it
      </Link>
    </p>
  );
}
