import { describe, expect, it, vi } from "vitest";
import { validateEnv } from "@/server/env";
import { mediaStorage } from "@/server/media/storage";
import { restartProcess } from "../support/restart-process";

/** What a server started now with these variables says at start-up (src/server/on-server-start.ts validates). */
async function startWith(variables: Record<string, string>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  await restartProcess();
  vi.spyOn(console, "error").mockImplementation(() => {}); // the message is also printed
  return () => validateEnv();
}

describe("MEDIA_STORAGE=s3 settings, checked at start-up", () => {
  it("refuses to start without S3_BUCKET, naming it", async () => {
    const start = await startWith({ MEDIA_STORAGE: "s3", S3_ACCESS_KEY_ID: "key", S3_SECRET_ACCESS_KEY: "secret" });
    expect(start).toThrow(/- S3_BUCKET: is missing: MEDIA_STORAGE=s3 needs the bucket's name/);
  });

  it.each([
    ["S3_SECRET_ACCESS_KEY", { S3_ACCESS_KEY_ID: "key" }],
    ["S3_ACCESS_KEY_ID", { S3_SECRET_ACCESS_KEY: "secret" }],
  ])("refuses half a credential pair, naming %s", async (missing, half) => {
    const start = await startWith({ MEDIA_STORAGE: "s3", S3_BUCKET: "videos", ...half });
    expect(start).toThrow(new RegExp(`- ${missing}: is missing: set it with`));
  });

  it("refuses a MEDIA_MAX_BYTES past what one S3 copy can move (5 GiB)", async () => {
    const start = await startWith({ MEDIA_STORAGE: "s3", S3_BUCKET: "videos", MEDIA_MAX_BYTES: String(6 * 1024 ** 3) });
    expect(start).toThrow(/- MEDIA_MAX_BYTES: must be at most 5368709120/);
  });

  it("starts with a bucket and no credentials (the AWS SDK's own chain: role, AWS_* variables, ~/.aws)", async () => {
    const start = await startWith({ MEDIA_STORAGE: "s3", S3_BUCKET: "videos" });
    expect(start).not.toThrow();
    expect(mediaStorage().kind).toBe("s3");
  });

  it("asks nothing of the S3 variables with local storage", async () => {
    const start = await startWith({
      MEDIA_STORAGE: "local",
      S3_ACCESS_KEY_ID: "key",
      MEDIA_MAX_BYTES: String(6 * 1024 ** 3),
    });
    expect(start).not.toThrow();
    expect(mediaStorage().kind).toBe("local");
  });
});
