import "server-only";
import { randomUUID } from "node:crypto";
import { pipeline, type Readable } from "node:stream";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { BROWSER_MAX_AGE_S, SHARED_MAX_AGE_S } from "@/server/http/public-cache";
import { logger } from "@/server/logger";
import type { MediaStorage } from "./media-storage";
import { presignedGet } from "./s3-presigned-get";
import { sizeCheckedHash } from "./size-checked-hash";
import type { StoredFile } from "./stored-media";

export type S3StorageConfig = {
  bucket: string;
  region: string;
  /** Unset: AWS. R2, MinIO, B2 and the tests' s3rver: their URL. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Unset: the SDK's default chain (AWS_* variables, ~/.aws, the instance's or task's role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /**
   * MEDIA_PUBLIC_URL: a CDN or public bucket base URL that serves the bucket's objects by key; only PUBLIC_PREFIX is
   * meant to be public-read (README "Media storage"), and only videos viewers may see have copies there.
   */
  publicUrl?: string;
  /** Keys per listing page when removing: S3's maximum, 1,000, unless a test asks for smaller pages. */
  listPageKeys?: number;
};

/** Where a write goes until its hash, and so its key, is known (a bucket lifecycle rule may expire what is left). */
const INCOMING_PREFIX = ".incoming/";
/** Multipart part size: S3's minimum; at most this much per part, times QUEUE_SIZE parts in flight, is in memory. */
const PART_BYTES = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;
/**
 * Where the copies of viewer-visible videos' objects live (`public/videos/{id}/{sha8}.{ext}`): the one prefix a bucket
 * policy makes public-read for MEDIA_PUBLIC_URL. Everything else stays private and is handed out presigned.
 */
export const PUBLIC_PREFIX = "public/";
/**
 * A public copy is removed when its video is hidden, so it is not `immutable` however content-addressed its key: a
 * browser keeps it a minute, a CDN that honours s-maxage five (one that does not keeps it for its own TTL).
 */
export const PUBLIC_OBJECT_CACHE_CONTROL = `public, max-age=${BROWSER_MAX_AGE_S}, s-maxage=${SHARED_MAX_AGE_S}`;

/**
 * Any S3-compatible service (AWS S3, Cloudflare R2, MinIO, Backblaze B2). A write streams to a temporary key as a
 * multipart upload, hashing as it goes, then is copied server-side to its content-addressed key and the temporary
 * removed: the final key appears only complete and checked. CopyObject's 5 GiB limit bounds MEDIA_MAX_BYTES (env.ts).
 */
export function s3Storage(config: S3StorageConfig): MediaStorage {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // The SDK's default CRC32 checksums (since 3.729) are not accepted by every S3-compatible service; requests are
    // still signed, and we hash every byte ourselves.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = config.bucket;

  /** Removes every object under `prefix`, a page of keys at a time. */
  async function removeAll(prefix: string) {
    if (!prefix) throw new Error("refusing to remove every object in the bucket"); // a bug, never a request
    let ContinuationToken: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken, MaxKeys: config.listPageKeys }),
      );
      const keys = (page.Contents ?? []).flatMap(({ Key }) => (Key ? [{ Key }] : []));
      if (keys.length > 0) {
        const { Errors } = await client.send(
          new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys, Quiet: true } }),
        );
        if (Errors?.length) throw new Error(`could not remove ${Errors.length} objects: ${Errors[0]?.Code ?? "?"}`);
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  return {
    kind: "s3",

    async put(prefix, ext, body, options) {
      const temporary = `${INCOMING_PREFIX}${randomUUID()}`;
      const checked = sizeCheckedHash(options);
      // Destroys the source too when the check refuses (a download stops at once) or the upload fails.
      pipeline(body, checked.stream, () => {});
      const upload = new Upload({
        client,
        params: { Bucket, Key: temporary, Body: checked.stream, ContentType: options.contentType },
        partSize: PART_BYTES,
        queueSize: QUEUE_SIZE,
        leavePartsOnError: false, // a failed upload is aborted: its parts are not kept (nor billed)
      });
      try {
        await upload.done();
      } catch (error) {
        checked.stream.destroy();
        // The refusal, not whatever the abort said after it.
        throw checked.refusal() ?? error;
      }
      try {
        const { bytes, sha256 } = checked.result();
        const key = `${prefix}${sha256.slice(0, 8)}.${ext}`;
        await client.send(new CopyObjectCommand({ Bucket, Key: key, CopySource: `${Bucket}/${encodeKey(temporary)}` }));
        return { key, bytes, sha256, contentType: options.contentType } satisfies StoredFile;
      } finally {
        await client.send(new DeleteObjectCommand({ Bucket, Key: temporary })).catch((error: Error) => {
          logger.warn({ key: temporary, err: error.message }, "could not remove a temporary media object");
        });
      }
    },

    async read(key, range) {
      try {
        const { Body } = await client.send(
          new GetObjectCommand({ Bucket, Key: key, Range: range && `bytes=${range.start}-${range.end}` }),
        );
        return (Body as Readable | undefined) ?? null;
      } catch (error) {
        if (error instanceof S3ServiceException && error.name === "NoSuchKey") return null;
        throw error;
      }
    },

    async directUrl(key, options) {
      // A download needs Content-Disposition, which only a presigned URL can ask the bucket for; media not (yet)
      // copied to the public prefix is presigned too, so no URL handed out names a missing or private object.
      if (config.publicUrl && options?.published && !options.downloadName)
        return `${config.publicUrl.replace(/\/+$/, "")}/${encodeKey(PUBLIC_PREFIX + key)}`;
      return presignedGet(client, Bucket, key, options?.downloadName);
    },

    removeAll,

    async publish(files) {
      if (!config.publicUrl) return; // nothing serves a public prefix
      for (const file of files) {
        await client.send(
          new CopyObjectCommand({
            Bucket,
            Key: PUBLIC_PREFIX + file.key,
            CopySource: `${Bucket}/${encodeKey(file.key)}`,
            MetadataDirective: "REPLACE",
            ContentType: file.contentType,
            CacheControl: PUBLIC_OBJECT_CACHE_CONTROL,
          }),
        );
      }
    },

    // Also without MEDIA_PUBLIC_URL (now): copies made while it was set do not outlive their video's publication.
    async unpublish(prefix) {
      await removeAll(PUBLIC_PREFIX + prefix);
    },
  };
}

/** A key as a URL path: each segment percent-encoded, the slashes kept. */
const encodeKey = (key: string) => key.split("/").map(encodeURIComponent).join("/");
