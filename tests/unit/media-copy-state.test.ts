import { describe, expect, it } from "vitest";
import { formatBytes } from "@/lib/format";
import { mediaCopyState, type MediaCopyRow } from "@/lib/media-copy-state";

const SHA = "a".repeat(64);
const file = (key: string, bytes: number) => ({ key, bytes, sha256: SHA, contentType: "video/mp4" });
const STORED_AT = new Date("2026-12-07T10:00:00Z");
const FAILED_AT = new Date("2026-12-07T11:00:00Z");

const row = (fields: Partial<MediaCopyRow> = {}): MediaCopyRow => ({
  status: "COMPLETED",
  storedMedia: null,
  mediaStoredAt: null,
  mediaCopyAttempts: 0,
  mediaCopyError: null,
  mediaCopyFailedAt: null,
  ...fields,
});

const storedMedia = {
  storage: "s3",
  files: {
    video: file("videos/v1/aaaaaaaa.mp4", 1_000_000),
    thumbnail: file("videos/v1/bbbbbbbb.jpg", 20_000),
    srt: file("videos/v1/cccccccc.srt", 300),
    vtt: file("videos/v1/dddddddd.vtt", 310),
  },
};

describe("mediaCopyState", () => {
  it("is not due before the video completed, whatever the copy columns say", () => {
    for (const status of ["PENDING", "PROCESSING", "FAILED"] as const) {
      expect(mediaCopyState(row({ status, mediaCopyAttempts: 2, mediaCopyError: "x" }))).toEqual({
        state: "not_due",
        storage: null,
        bytes: null,
        storedAt: null,
        attempts: 2,
        error: null,
      });
    }
  });

  it("is copying once completed, and says the attempts so far and why the last one failed", () => {
    expect(mediaCopyState(row())).toEqual({
      state: "copying",
      storage: null,
      bytes: null,
      storedAt: null,
      attempts: 0,
      error: null,
    });
    expect(mediaCopyState(row({ mediaCopyAttempts: 2, mediaCopyError: "HeyGen's CDN answered 403" }))).toMatchObject({
      state: "copying",
      attempts: 2,
      error: "HeyGen's CDN answered 403",
    });
  });

  it("is failed once copying gave up, with the reason", () => {
    expect(
      mediaCopyState(row({ mediaCopyAttempts: 5, mediaCopyError: "Larger than 2 GB", mediaCopyFailedAt: FAILED_AT })),
    ).toEqual({ state: "failed", storage: null, bytes: null, storedAt: null, attempts: 5, error: "Larger than 2 GB" });
  });

  it("is stored with its storage, every file's bytes added up and the time it was stored", () => {
    expect(mediaCopyState(row({ storedMedia, mediaStoredAt: STORED_AT, mediaCopyAttempts: 3 }))).toEqual({
      state: "stored",
      storage: "s3",
      bytes: 1_020_610,
      storedAt: STORED_AT.toISOString(),
      attempts: 3,
      error: null,
    });
    const videoOnly = { storage: "local", files: { video: file("videos/v1/aaaaaaaa.mp4", 42) } };
    expect(mediaCopyState(row({ storedMedia: videoOnly, mediaStoredAt: STORED_AT }))).toMatchObject({
      state: "stored",
      storage: "local",
      bytes: 42,
    });
  });

  it("stored wins over an earlier failure and its leftover reason", () => {
    const state = mediaCopyState(
      row({ storedMedia, mediaStoredAt: STORED_AT, mediaCopyError: "403", mediaCopyFailedAt: FAILED_AT }),
    );
    expect(state).toMatchObject({ state: "stored", error: null });
  });

  it("reads stored media that does not parse as none, as the server serves it", () => {
    expect(mediaCopyState(row({ storedMedia: { storage: "ftp", files: {} } })).state).toBe("copying");
    expect(mediaCopyState(row({ storedMedia: { storage: "local", files: {} } })).state).toBe("copying");
  });
});

describe("formatBytes", () => {
  it.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [999, "999 bytes"],
    [1_000, "1 kB"],
    [1_234, "1.2 kB"],
    [999_999, "1 MB"],
    [1_234_567, "1.2 MB"],
    [12_345_678, "12 MB"],
    [2 * 1024 ** 3, "2.1 GB"],
    [3.5e12, "3.5 TB"],
  ])("%i → %s", (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});
