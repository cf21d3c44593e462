import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readDeliveryHeaders, timestampProblem, verifySignature } from "@/server/webhooks/signature";

const secret = "whsec_test";
const body = Buffer.from(
  '{"event_type":"avatar_video.success","event_data":{"video_id":"abc","video_url":"https://x/v.mp4"}}',
);
const valid = createHmac("sha256", secret).update(body).digest("hex");
const v3 = (signature: string | null, extra: Record<string, string> = {}) =>
  readDeliveryHeaders(new Headers({ ...(signature === null ? {} : { "heygen-signature": signature }), ...extra }));

describe("webhook delivery headers", () => {
  it("tells the v3, legacy and unsigned schemes apart", () => {
    expect(v3(valid, { "heygen-timestamp": "1", "heygen-event-id": "evt_1" })).toEqual({
      scheme: "signed_v3",
      signature: valid,
      timestamp: "1",
      eventId: "evt_1",
    });
    expect(readDeliveryHeaders(new Headers({ signature: valid }))).toMatchObject({
      scheme: "signed_legacy",
      signature: valid,
    });
    expect(readDeliveryHeaders(new Headers())).toMatchObject({ scheme: "unsigned", signature: null });
  });
});

describe("verifySignature", () => {
  it("accepts the lowercase hex HMAC-SHA256 of the raw body, in either scheme", () => {
    expect(verifySignature(body, v3(valid), secret)).toBe(true);
    expect(verifySignature(body, readDeliveryHeaders(new Headers({ signature: valid })), secret)).toBe(true);
  });

  it("refuses another secret, a changed byte, and the same JSON serialised differently", () => {
    const other = createHmac("sha256", "other").update(body).digest("hex");
    expect(verifySignature(body, v3(other), secret)).toBe(false);
    expect(verifySignature(Buffer.from(body.toString().replace("abc", "abd")), v3(valid), secret)).toBe(false);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
    expect(verifySignature(reserialised, v3(valid), secret)).toBe(false);
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["uppercase", valid.toUpperCase()],
    ["sha256=-prefixed", `sha256=${valid}`],
    ["short", valid.slice(0, 32)],
    ["long", `${valid}00`],
    ["non-hex", "z".repeat(64)],
  ])("refuses a %s signature without throwing", (_label, signature) => {
    expect(verifySignature(body, v3(signature), secret)).toBe(false);
  });

  it("refuses everything when no secret is configured", () => {
    expect(verifySignature(body, v3(createHmac("sha256", "").update(body).digest("hex")), "")).toBe(false);
  });
});

describe("timestampProblem", () => {
  const now = 1_800_000_000_000;
  const v3At = (timestamp: string | null) => v3(valid, timestamp === null ? {} : { "heygen-timestamp": timestamp });
  it.each([
    [null, "missing"],
    [String(now / 1000), null],
    [String(now / 1000 - 300), null],
    [String(now / 1000 + 300), null],
    [String(now / 1000 - 301), "stale"],
    [String(now / 1000 + 301), "stale"],
    ["1.8e9", "malformed"],
    ["", "malformed"],
    ["-5", "malformed"],
  ])("v3 with %s → %s", (timestamp, problem) => {
    expect(timestampProblem(v3At(timestamp), now)).toBe(problem);
  });

  it("needs none with the legacy scheme, but refuses a stale one it carries", () => {
    const legacy = (extra: Record<string, string> = {}) =>
      readDeliveryHeaders(new Headers({ signature: valid, ...extra }));
    expect(timestampProblem(legacy(), now)).toBeNull();
    expect(timestampProblem(legacy({ "heygen-timestamp": String(now / 1000 - 301) }), now)).toBe("stale");
  });
});
