import { beforeEach, describe, expect, it, vi } from "vitest";

// This file's deployment: HEYGEN_API_KEY and HEYGEN_SECRET in the environment (the tests' usual ones), and an
// ENCRYPTION_KEY, so that values could be saved in Settings too. Set before the app's modules load.
const ENCRYPTION_KEY = vi.hoisted(() => {
  const key = "6c1f0d2a9b8e7f6a5d4c3b2a19080706f5e4d3c2b1a09f8e7d6c5b4a39281706";
  vi.stubEnv("ENCRYPTION_KEY", key);
  return Buffer.from(key, "hex");
});

import { POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { db } from "@/server/db";
import { encryptSetting } from "@/server/settings/encryption";
import { fakeHeygen, heygenRequests } from "../support/heygen";
import { adminCookie, jsonRequest, signedV3, validVideoInput, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";
import { expectNoSecret, masked, settingsApi } from "./settings-support";

const SAVED_KEY = "hg_saved_in_settings_9999";
const SAVED_SECRET = "whsec_saved_in_settings_8888";

let api: ReturnType<typeof settingsApi>;
beforeEach(async () => {
  api = settingsApi(await adminCookie());
  // Values saved in Settings earlier, as this deployment's ENCRYPTION_KEY encrypts them: readable, and still ignored.
  await db.appSetting.deleteMany();
  await db.appSetting.createMany({
    data: [
      { name: "heygen_api_key", ciphertext: encryptSetting(ENCRYPTION_KEY, "heygen_api_key", SAVED_KEY) },
      {
        name: "heygen_webhook_secret",
        ciphertext: encryptSetting(ENCRYPTION_KEY, "heygen_webhook_secret", SAVED_SECRET),
      },
    ],
  });
});

describe("values set in the environment win over Settings", () => {
  it("Settings shows the environment's values, masked, as coming from there", async () => {
    const { status, body, text } = await api.get();
    expect(status).toBe(200);
    expect(body.settings).toMatchObject({
      heygenApiKey: { source: "environment", masked: masked(TEST_ENV.HEYGEN_API_KEY) },
      webhookSecret: { source: "environment", masked: masked(TEST_ENV.HEYGEN_SECRET) },
      savingDisabled: null,
    });
    expectNoSecret(text, TEST_ENV.HEYGEN_API_KEY, TEST_ENV.HEYGEN_SECRET, SAVED_KEY, SAVED_SECRET);
  });

  it("HeyGen is called with the environment's key, and the webhook verifies with the environment's secret", async () => {
    const response = await createVideoRoute(
      jsonRequest("/api/videos", validVideoInput, { cookie: await adminCookie() }),
    );
    expect(response.status).toBe(201);
    expect(fakeHeygen.jobs.size).toBe(1); // the fake accepts only TEST_ENV's key

    const video = await db.video.create({ data: { ...videoRow, status: "PROCESSING", heygenVideoId: "h-env" } });
    const event = {
      event_id: "evt_env",
      event_type: "avatar_video.success",
      event_data: { video_id: "h-env", callback_id: video.id, video_url: "https://cdn.test/v.mp4" },
    };
    const status = async (secret: string) => {
      const { response, afterResponse } = await callRoute(() => callback(signedV3(event, { secret })));
      await afterResponse();
      return response.status;
    };
    expect(await status(SAVED_SECRET)).toBe(401);
    expect(await status(TEST_ENV.HEYGEN_SECRET)).toBe(200);
  });

  it("refuses to save or register over them (409, change them there), without asking HeyGen", async () => {
    const saved = await api.saveKey(TEST_ENV.HEYGEN_API_KEY);
    expect(saved.status).toBe(409);
    expect(saved.body.error).toEqual({
      code: "setting_from_environment",
      message: "HEYGEN_API_KEY is set in this deployment's environment, which wins over Settings: change it there.",
    });
    const registered = await api.registerWebhook();
    expect(registered.status).toBe(409);
    expect(registered.body.error?.message).toMatch(/^HEYGEN_SECRET is set in this deployment's environment/);
    expect(heygenRequests).toEqual([]);
    expect(await db.appSetting.count()).toBe(2);
  });
});
