import { isAdminRequest } from "@/server/auth/session";
import { route } from "@/server/http/route";
import { serveStoredFile } from "@/server/watch/media-files";

// GET|HEAD /media/[id]/[sha8].[mp4|jpg|srt|vtt] — a stored video's file, with Range and ETag, cacheable for ever (the
// name holds the content's hash); S3 storage: a short-lived redirect to the bucket. Public, like the watch page.
const answer = route<{ id: string; file: string }>({}, ({ request, params }) =>
  serveStoredFile(request, params.id, params.file, () => isAdminRequest(request)),
);
export const GET = answer;
export const HEAD = answer;
