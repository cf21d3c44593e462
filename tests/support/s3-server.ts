import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import pLimit from "p-limit";
import { http, passthrough } from "msw";
import type { S3StorageConfig } from "@/server/media/storage/s3-storage";

/** s3rver's fixed credentials: it checks signatures against these. */
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
const REGION = "us-east-1";

export type S3TestServer = Awaited<ReturnType<typeof startS3Server>>;

/**
 * A real S3-protocol server (s3rver, in a child process, on a free port, its files in a temporary directory) for S3
 * storage's tests: the AWS SDK talks to it over HTTP as it would to S3, R2 or MinIO. Each `newBucket` is empty.
 */
export async function startS3Server() {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "s3rver-"));
  const child = fork(path.join(import.meta.dirname, "s3rver-process.mjs"), [directory], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
    // s3rver's continuation tokens (a listing past 1,000 keys) use DES, which OpenSSL 3 keeps in its legacy provider.
    execArgv: ["--openssl-legacy-provider"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once("data", (line: Buffer) => resolve((JSON.parse(line.toString()) as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`s3rver exited (${code}) before listening`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ region: REGION, endpoint, forcePathStyle: true, credentials: CREDENTIALS });

  return {
    endpoint,
    /** Lets the app's requests to the server through MSW (which otherwise fails any request it has no handler for). */
    passthrough: http.all(new RegExp(`^${endpoint.replace(/[.]/g, "\\.")}/`), () => passthrough()),

    /** A new, empty bucket, and S3 storage's settings for it. */
    async newBucket(): Promise<S3StorageConfig & { bucket: string }> {
      const bucket = `test-${randomUUID().slice(0, 8)}`;
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      return { bucket, region: REGION, endpoint, forcePathStyle: true, credentials: CREDENTIALS };
    },

    /** The same, as the app's environment variables (MEDIA_STORAGE=s3 and S3_*). */
    async newBucketEnv() {
      const { bucket } = await this.newBucket();
      return {
        MEDIA_STORAGE: "s3",
        S3_BUCKET: bucket,
        S3_REGION: REGION,
        S3_ENDPOINT: endpoint,
        S3_FORCE_PATH_STYLE: "true",
        S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
        S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      };
    },

    /** Puts a few bytes under each key, straight through S3's API (a few at a time). */
    async putObjects(bucket: string, keys: string[]) {
      const limit = pLimit(8);
      await Promise.all(
        keys.map((Key) => limit(() => client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key })))),
      );
    },

    /** Puts one object, as the app's storage would have written it. */
    async putObject(bucket: string, key: string, body: Buffer, contentType: string) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },

    /** Every key in the bucket, sorted (the temporary keys of writes under way included). */
    async keys(bucket: string): Promise<string[]> {
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken }));
        keys.push(...(page.Contents ?? []).map(({ Key }) => Key!));
        ContinuationToken = page.NextContinuationToken;
      } while (ContinuationToken);
      return keys.sort();
    },

    async stop() {
      client.destroy();
      const exited = once(child, "exit");
      child.disconnect(); // it closes and exits
      await exited;
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}
