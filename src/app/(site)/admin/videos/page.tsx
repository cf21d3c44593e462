import type { Metadata } from "next";
import { AdminVideoList } from "@/components/videos/AdminVideoList";
import { VideoFilters } from "@/components/videos/VideoFilters";
import { FIRST_PAGE, searchOf, videoListQuery, type VideoListQuery } from "@/lib/video-list-query";
import { requireAdminPage } from "@/server/auth/session";
import { adminVideosPage, isVideoCursor } from "@/server/video-lists/admin-videos";

export const metadata: Metadata = { title: "Videos" };

/** Every video, filtered by the URL's query (`?status=&q=&cursor=`): the first page rendered here, then live. */
export default async function AdminVideosPage({ searchParams }: PageProps<"/admin/videos">) {
  await requireAdminPage();
  const query = queryOf(await searchParams);
  const page = await adminVideosPage(query);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Videos</h1>
      {/* Keyed by the view: after "Clear" or a shared link, the fields show the URL's filters, not what was typed. */}
      <VideoFilters key={searchOf(query)} query={query} />
      <AdminVideoList query={query} initialPage={page} />
    </div>
  );
}

/** A link with a filter or cursor this list does not know (edited by hand, or from an older version) shows the first page. */
function queryOf(params: Record<string, string | string[] | undefined>): VideoListQuery {
  const first = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = videoListQuery.safeParse(first);
  if (!parsed.success) return FIRST_PAGE;
  return parsed.data.cursor && !isVideoCursor(parsed.data.cursor) ? { ...parsed.data, cursor: undefined } : parsed.data;
}
