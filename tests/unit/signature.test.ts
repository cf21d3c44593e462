import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyHeygenSignature } from "@/server/heygen/signature";

const secret = "whsec_test";
const body = '{"event_type":"avatar_video.success","event_data":{"video_id":"abc","url":"https://x/v.mp4"}}';
const valid = createHmac("sha256", secret).update(body).digest("hex");

describe("verifyHeygenSignature", () => {
  it("accepts the lowercase hex HMAC-SHA256 of the raw body", () => {
    expect(verifyHeygenSignature(body, valid, secret)).toBe(true);
    expect(verifyHeygenSignature(Buffer.from(body), valid, secret)).toBe(true);
  });

  it("refuses a signature made with another secret", () => {
    const other = createHmac("sha256", "other").update(body).digest("hex");
    expect(verifyHeygenSignature(body, other, secret)).toBe(false);
  });

  it("refuses when one byte of the body changed", () => {
    const changed = body.replace('"abc"', '"abd"');
    expect(verifyHeygenSignature(changed, valid, secret)).toBe(false);
  });

  it("refuses the same JSON serialised differently (hashing must use the raw bytes)", () => {
    const reserialised = JSON.stringify(JSON.parse(body), null, 1);
    expect(verifyHeygenSignature(reserialised, valid, secret)).toBe(false);
  });

  it.each([
    ["missing", undefined],
    ["null", null],
    ["empty", ""],
    ["uppercase", valid.toUpperCase()],
    ["sha256=-prefixed", `sha256=${valid}`],
    ["short", valid.slice(0, 32)],
    ["long", `${valid}00`],
    ["non-hex", "z".repeat(64)],
    ["with whitespace", ` ${valid}`],
  ])("refuses a %s signature without throwing", (_label, signature) => {
    expect(verifyHeygenSignature(body, signature, secret)).toBe(false);
  });

  it("refuses everything when no secret is configured", () => {
    expect(verifyHeygenSignature(body, createHmac("sha256", "").update(body).digest("hex"), "")).toBe(false);
  });
});
