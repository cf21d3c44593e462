import { describe, expect, it } from "vitest";
import { PUBLIC_VIDEO_COLUMNS } from "@/lib/video";
import { db } from "@/server/db";

/** The columns whose change makes the "Video" update trigger announce it, as PostgreSQL's catalogue holds it. */
async function announcedColumns(): Promise<string[]> {
  const [trigger] = await db.$queryRaw<Array<{ definition: string }>>`
    SELECT pg_get_triggerdef(t.oid) AS definition
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE c.relname = 'Video' AND t.tgname = 'video_updated'`;
  if (!trigger) throw new Error('no "video_updated" trigger on "Video"');
  // WHEN ((old.status, old."videoUrl", ...) IS DISTINCT FROM (new.status, new."videoUrl", ...))
  return [...trigger.definition.matchAll(/\bnew\.(?:"([^"]+)"|(\w+))/gi)].map(([, quoted, plain]) => quoted ?? plain!);
}

describe('the NOTIFY trigger on "Video"', () => {
  it("announces a change of every column the public video is built from", async () => {
    const announced = await announcedColumns();
    // A video's id never changes: inserts and deletes are announced by their own trigger.
    const shown = PUBLIC_VIDEO_COLUMNS.filter((column) => column !== "id");
    expect(shown.filter((column) => !announced.includes(column))).toEqual([]);
  });
});
