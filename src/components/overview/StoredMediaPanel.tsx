import { formatBytes } from "@/lib/format";
import type { MediaFigures } from "@/lib/overview";
import { Fact, Facts, Panel, TextLink } from "./Panel";

const videos = (count: number) => `${count.toLocaleString("en-US")} ${count === 1 ? "video" : "videos"}`;

/** Our copies of finished videos: where they go, how many are stored and their size, copying now, and failures. */
export function StoredMediaPanel({ media }: { media: MediaFigures }) {
  const { stored, copying, failed } = media;
  return (
    <Panel id="media" title="Stored media">
      <Facts>
        <Fact term="Stored in">
          {media.storage === "s3"
            ? `S3 bucket ${media.bucket ?? "(S3_BUCKET not set)"}`
            : "This server’s disk (MEDIA_DIR)"}
        </Fact>
        <Fact term="Stored">
          {stored.count === 0 ? "Nothing yet" : `${videos(stored.count)}, ${formatBytes(stored.bytes)}`}
        </Fact>
        <Fact term="Copying now">{copying === 0 ? "Nothing" : videos(copying)}</Fact>
        <Fact term="Failed copies">
          {failed === 0 ? (
            "None"
          ) : (
            <>
              <span className="font-medium text-red-700">{videos(failed)}</span>
              {": "}
              <TextLink href="/admin/videos?copy=failed">see them and retry</TextLink>
            </>
          )}
        </Fact>
      </Facts>
      <p className="text-xs text-slate-600">
        Finished videos are copied from HeyGen and served from here; until a copy is stored, viewers get HeyGen’s links.
      </p>
    </Panel>
  );
}
