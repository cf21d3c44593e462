import "server-only";
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
import { MediaSizeError, type PutOptions } from "./media-storage";

/**
 * A pass-through that counts and hashes the bytes flowing to storage, and fails the stream with MediaSizeError the
 * moment they pass `maxBytes`, or at its end when they are not `expectedBytes`. It fails before the stream ends, so
 * whatever writes the stream (a file, a multipart upload) never completes a refused write.
 */
export function sizeCheckedHash(options: PutOptions) {
  const hash = createHash("sha256");
  let bytes = 0;
  let refusal: MediaSizeError | null = null;
  const refuse = (error: MediaSizeError) => (refusal = error);
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > options.maxBytes) {
        done(
          refuse(new MediaSizeError("too_large", `larger than the ${options.maxBytes}-byte limit (MEDIA_MAX_BYTES)`)),
        );
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      if (options.expectedBytes !== undefined && bytes !== options.expectedBytes) {
        done(
          refuse(
            new MediaSizeError(
              "size_mismatch",
              `received ${bytes} bytes, Content-Length said ${options.expectedBytes}`,
            ),
          ),
        );
        return;
      }
      done();
    },
  });
  return {
    stream,
    /** The refusal, if the stream was refused: what a write that failed because of it should throw. */
    refusal: () => refusal,
    /** The count and hex SHA-256, once the stream has ended. */
    result: () => ({ bytes, sha256: hash.digest("hex") }),
  };
}
