import "server-only";
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { attachmentDisposition } from "./attachment-disposition";

/**
 * How long a presigned GET stays valid once handed out. Short, since anyone holding it can fetch the object until
 * then; long enough that a paused video still seeks (the browser keeps requesting ranges of the URL it was sent to).
 */
export const PRESIGNED_GET_SECONDS = 60 * 60;
/**
 * URLs are signed as of the start of their window, so one object's URL stays the same for the window (a browser or
 * proxy may cache what it fetched) and still has PRESIGNED_GET_SECONDS to run when handed out late in it.
 */
const SIGNING_WINDOW_SECONDS = 10 * 60;

/** A GET of one object, presigned; with `downloadName`, the answer is an attachment of that name (RFC 6266/5987). */
export async function presignedGet(client: S3Client, bucket: string, key: string, downloadName?: string) {
  const windowMs = SIGNING_WINDOW_SECONDS * 1000;
  const signingDate = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const command = new GetObjectCommand({
    Bucket: bucket,
    Key: key,
    ResponseContentDisposition: downloadName === undefined ? undefined : attachmentDisposition(downloadName),
  });
  return getSignedUrl(client, command, {
    expiresIn: PRESIGNED_GET_SECONDS + SIGNING_WINDOW_SECONDS,
    signingDate,
  });
}
