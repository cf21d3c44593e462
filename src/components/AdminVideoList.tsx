"use client";

import Link from "next/link";
import { StatusBadge } from "@/components/StatusBadge";
import { useVideos } from "@/hooks/use-videos";
import { formatDate } from "@/lib/format";
import type { PublicVideo } from "@/lib/video";

/** Every video with its live status; polls only while some video is still rendering. */
export function AdminVideoList({ initialVideos }: { initialVideos: PublicVideo[] }) {
  const { data } = useVideos(initialVideos);
  const videos = data?.videos ?? initialVideos;
  if (videos.length === 0) return <p className="mt-4 text-slate-600">No videos yet.</p>;

  return (
    <table className="mt-4 w-full text-left text-sm">
      <thead className="text-slate-500">
        <tr>
          <th className="py-2 font-medium">Title</th>
          <th className="py-2 font-medium">Status</th>
          <th className="py-2 font-medium">Created</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {videos.map((video) => (
          <tr key={video.id} data-video-id={video.id}>
            <td className="py-2 pr-4">
              <Link href={`/videos/${video.id}`} className="font-medium text-indigo-700 hover:underline">
                {video.title}
              </Link>
              {video.status === "FAILED" && video.error && <p className="text-xs text-red-700">{video.error}</p>}
            </td>
            <td className="py-2 pr-4">
              <StatusBadge status={video.status} />
            </td>
            <td className="py-2 text-slate-500">{formatDate(video.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
