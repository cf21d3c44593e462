import "server-only";

/**
 * Why one copy attempt failed, in words an admin reads (no presigned URL: its signature stays out of the database and
 * the log). `retry`: another attempt may succeed (HeyGen's CDN answering 403/404 for a while after a render, a cut
 * connection); false when none can (a refused host, a file over MEDIA_MAX_BYTES).
 */
export class CopyFailure extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
    this.name = "CopyFailure";
  }
}
