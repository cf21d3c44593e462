import { isAdminRequest } from "@/server/auth/session";
import { route } from "@/server/http/route";
import { serveDownload } from "@/server/watch/media-files";

// GET|HEAD /media/[id]/download — the MP4 as an attachment named after the title: the watch page's Download
const answer = route<{ id: string }>({}, ({ request, params }) =>
  serveDownload(request, params.id, () => isAdminRequest(request)),
);
export const GET = answer;
export const HEAD = answer;
