import { beforeEach, describe, expect, it, vi } from "vitest";

// This file's deployment: ENCRYPTION_KEY was rotated (rows saved with the old one stay behind), and no HeyGen key
// or webhook secret in the environment. Set before the app's modules load.
const { CURRENT_KEY, OLD_KEY } = vi.hoisted(() => {
  const current = "6c1f0d2a9b8e7f6a5d4c3b2a19080706f5e4d3c2b1a09f8e7d6c5b4a39281706";
  vi.stubEnv("ENCRYPTION_KEY", current);
  vi.stubEnv("HEYGEN_API_KEY", "");
  vi.stubEnv("HEYGEN_SECRET", "");
  return {
    CURRENT_KEY: Buffer.from(current, "hex"),
    OLD_KEY: Buffer.from("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", "hex"),
  };
});

import { POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { encryptSetting } from "@/server/settings/encryption";
import { heygenRequests } from "../support/heygen";
import { adminCookie, jsonRequest, signedV3, validVideoInput, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";
import { settingsApi } from "./settings-support";

const SECRET = "whsec_saved_before_the_rotation";

let api: ReturnType<typeof settingsApi>;
beforeEach(async () => {
  api = settingsApi(await adminCookie());
  await db.appSetting.deleteMany();
});

const store = (rows: Array<{ name: string; ciphertext: string }>) => db.appSetting.createMany({ data: rows });

async function generateStatus() {
  const response = await createVideoRoute(jsonRequest("/api/videos", validVideoInput, { cookie: await adminCookie() }));
  return response.status;
}

async function signedDeliveryStatus(secret: string) {
  const video = await db.video.create({
    data: { ...videoRow, status: "PROCESSING", heygenVideoId: `h-${Math.random()}` },
  });
  const event = {
    event_id: `evt_${video.id}`,
    event_type: "avatar_video.success",
    event_data: { video_id: video.heygenVideoId, callback_id: video.id, video_url: "https://cdn.test/v.mp4" },
  };
  const { response } = await callRoute(() => callback(signedV3(event, { secret })));
  return response.status;
}

describe("values Settings cannot decrypt read as absent, never as a 500", () => {
  it("saved with another ENCRYPTION_KEY: Settings says to enter them again, generate is 503, signed events are refused, a warning is logged", async () => {
    const warn = vi.spyOn(logger, "warn");
    await store([
      { name: "heygen_api_key", ciphertext: encryptSetting(OLD_KEY, "heygen_api_key", TEST_ENV.HEYGEN_API_KEY) },
      { name: "heygen_webhook_secret", ciphertext: encryptSetting(OLD_KEY, "heygen_webhook_secret", SECRET) },
    ]);

    const { status, body } = await api.get();
    expect(status).toBe(200);
    expect(body.settings).toMatchObject({
      heygenApiKey: { source: null, masked: null, unreadable: true, savedAt: expect.any(String) },
      webhookSecret: { source: null, masked: null, unreadable: true },
      savingDisabled: null,
    });
    expect(warn).toHaveBeenCalledWith({ setting: "heygen_api_key" }, expect.stringContaining("ENCRYPTION_KEY"));
    expect(await generateStatus()).toBe(503);
    expect(await signedDeliveryStatus(SECRET)).toBe(503);
    expect(heygenRequests).toEqual([]);
  });

  it("a changed byte, or a row swapped for another's, is refused the same way", async () => {
    const apiKeyRow = encryptSetting(CURRENT_KEY, "heygen_api_key", TEST_ENV.HEYGEN_API_KEY);
    const [iv, tag, ciphertext] = apiKeyRow.split(".");
    const changed = Buffer.from(ciphertext!, "base64url");
    changed[0]! ^= 1;
    await store([
      { name: "heygen_api_key", ciphertext: [iv, tag, changed.toString("base64url")].join(".") },
      // The API key's own, intact ciphertext, moved under the secret's name: it would sign nothing HeyGen sends.
      { name: "heygen_webhook_secret", ciphertext: apiKeyRow },
    ]);

    const { body } = await api.get();
    expect(body.settings?.heygenApiKey).toMatchObject({ source: null, unreadable: true });
    expect(body.settings?.webhookSecret).toMatchObject({ source: null, unreadable: true });
    expect(await generateStatus()).toBe(503);
    expect(await signedDeliveryStatus(TEST_ENV.HEYGEN_API_KEY)).toBe(503);
  });

  it("entering the key again replaces the unreadable value, and HeyGen gets it", async () => {
    await store([{ name: "heygen_api_key", ciphertext: encryptSetting(OLD_KEY, "heygen_api_key", "hg_old") }]);
    const saved = await api.saveKey(TEST_ENV.HEYGEN_API_KEY);
    expect(saved.status).toBe(200);
    expect(saved.body.settings?.heygenApiKey).toMatchObject({ source: "settings", unreadable: false });
    expect(await generateStatus()).toBe(201);
    await api.removeKey();
  });
});
