import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { decryptSetting, encryptSetting, UnreadableSettingError } from "@/server/settings/encryption";
import { restartProcess } from "../support/restart-process";

const key = randomBytes(32);
const secret = "hg_live_0123456789abcdef";

/** Changes one bit of the given part (0 iv, 1 tag, 2 ciphertext) of a stored value. */
function flipBit(stored: string, part: number): string {
  const parts = stored.split(".");
  const bytes = Buffer.from(parts[part]!, "base64url");
  bytes[0]! ^= 1;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("settings encryption (AES-256-GCM)", () => {
  it("decrypts what it encrypted, stored as base64url(iv).base64url(tag).base64url(ciphertext)", () => {
    const stored = encryptSetting(key, "heygen_api_key", secret);
    const [iv, tag, ciphertext] = stored.split(".").map((part) => Buffer.from(part, "base64url"));
    expect([iv!.length, tag!.length, ciphertext!.length]).toEqual([12, 16, Buffer.byteLength(secret)]);
    expect(stored).not.toContain(secret);
    expect(decryptSetting(key, "heygen_api_key", stored)).toBe(secret);
  });

  it("uses a fresh IV for every write: the same value never encrypts the same way twice", () => {
    const writes = Array.from({ length: 20 }, () => encryptSetting(key, "heygen_api_key", secret));
    expect(new Set(writes.map((stored) => stored.split(".")[0])).size).toBe(20);
    expect(new Set(writes).size).toBe(20);
  });

  it.each([
    ["a changed IV", (stored: string) => flipBit(stored, 0)],
    ["a changed tag", (stored: string) => flipBit(stored, 1)],
    ["a changed ciphertext", (stored: string) => flipBit(stored, 2)],
    [
      "a missing tag",
      (stored: string) =>
        stored
          .split(".")
          .filter((_, i) => i !== 1)
          .join("."),
    ],
    ["an extra part", (stored: string) => `${stored}.AAAA`],
    ["a plaintext value", () => secret],
  ])("refuses %s", (_, tamper) => {
    const stored = tamper(encryptSetting(key, "heygen_api_key", secret));
    expect(() => decryptSetting(key, "heygen_api_key", stored)).toThrow(UnreadableSettingError);
  });

  it("refuses a value under another name (a row swapped for another) and a value encrypted with another key", () => {
    const stored = encryptSetting(key, "heygen_api_key", secret);
    expect(() => decryptSetting(key, "heygen_webhook_secret", stored)).toThrow(UnreadableSettingError);
    expect(() => decryptSetting(randomBytes(32), "heygen_api_key", stored)).toThrow(UnreadableSettingError);
  });
});

describe("ENCRYPTION_KEY", () => {
  /** The environment as a process started now reads it (the first read validates it, and throws when it is wrong). */
  async function loadEnv(encryptionKey: string) {
    for (const [name, value] of Object.entries({
      NODE_ENV: "test",
      DATABASE_URL: "postgresql://u:p@127.0.0.1:1/db",
      ADMIN_PASSWORD: "long-enough-password",
      SESSION_SECRET: "a-test-session-secret-of-at-least-32-chars",
      ENCRYPTION_KEY: encryptionKey,
    })) {
      vi.stubEnv(name, value);
    }
    await restartProcess();
    const { env } = await import("@/server/env");
    return { ENCRYPTION_KEY: env.ENCRYPTION_KEY };
  }

  it("takes 32 bytes as 64 hex characters or as base64 (standard or URL-safe, padded or not)", async () => {
    const bytes = randomBytes(32);
    for (const written of [
      bytes.toString("hex"),
      bytes.toString("hex").toUpperCase(),
      bytes.toString("base64"),
      bytes.toString("base64url"),
    ]) {
      expect((await loadEnv(written)).ENCRYPTION_KEY).toEqual(bytes);
    }
  });

  it.each([
    ["too short", randomBytes(16).toString("hex")],
    ["too long", randomBytes(33).toString("base64")],
    ["not hex nor base64", "correct horse battery staple correct horse battery staple 1234"],
  ])("stops the app naming the variable when it is %s", async (_, value) => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(loadEnv(value)).rejects.toThrow(/ENCRYPTION_KEY: must be 32 bytes, as 64 hex characters or base64/);
    expect(printed).toHaveBeenCalled();
  });
});
