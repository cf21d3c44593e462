import { beforeEach, describe, expect, it, vi } from "vitest";

// This file's deployment: no ENCRYPTION_KEY, no HeyGen key or webhook secret; APP_URL is the tests' usual
// http://app.test. Set before the app's modules load.
vi.hoisted(() => {
  vi.stubEnv("ENCRYPTION_KEY", "");
  vi.stubEnv("HEYGEN_API_KEY", "");
  vi.stubEnv("HEYGEN_SECRET", "");
});

import { db } from "@/server/db";
import { encryptSetting } from "@/server/settings/encryption";
import { heygenRequests } from "../support/heygen";
import { adminCookie } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { TEST_ENV } from "../support/test-env";
import { settingsApi } from "./settings-support";

let api: ReturnType<typeof settingsApi>;
beforeEach(async () => {
  api = settingsApi(await adminCookie());
  await db.appSetting.deleteMany();
});

describe("without ENCRYPTION_KEY the app runs, and Settings cannot save", () => {
  it("says saving is disabled and why; a key sent anyway is refused (503) before HeyGen is asked, and nothing is stored", async () => {
    const { body } = await api.get();
    expect(body.settings?.savingDisabled).toMatch(/^Saving is disabled: this deployment has no ENCRYPTION_KEY/);
    expect(body.settings?.heygenApiKey).toEqual({ source: null, masked: null, unreadable: false, savedAt: null });

    const saved = await api.saveKey(TEST_ENV.HEYGEN_API_KEY);
    expect(saved.status).toBe(503);
    expect(saved.body.error?.code).toBe("encryption_not_configured");
    expect(heygenRequests).toEqual([]);
    expect(await db.appSetting.count()).toBe(0);
  });

  it("a value saved earlier (with a key this deployment no longer has) shows as saved but unreadable", async () => {
    const key = Buffer.alloc(32, 7);
    await db.appSetting.create({
      data: { name: "heygen_api_key", ciphertext: encryptSetting(key, "heygen_api_key", "hg_earlier") },
    });
    const { status, body } = await api.get();
    expect(status).toBe(200);
    expect(body.settings?.heygenApiKey).toMatchObject({ source: null, unreadable: true });
  });
});

describe("an APP_URL HeyGen cannot reach", () => {
  it("http: Settings explains why webhooks cannot arrive, and registering is refused (409) without asking HeyGen", async () => {
    const { body } = await api.get();
    expect(body.settings?.webhook).toMatchObject({
      callbackUrl: `${TEST_ENV.APP_URL}/api/heygen/callback`,
      registrable: false,
      // No signing secret either: that is said first.
      problem: expect.stringMatching(/^No signing secret is configured/),
    });
    const registered = await api.registerWebhook();
    expect(registered.status).toBe(409);
    expect(registered.body.error).toEqual({
      code: "webhook_url_not_public",
      message: expect.stringMatching(
        /^APP_URL \(http:\/\/app\.test\) is not https, and HeyGen posts only to a public https address/,
      ),
    });
    expect(heygenRequests).toEqual([]);
  });

  it("missing: the same, saying APP_URL is not set", async () => {
    vi.stubEnv("APP_URL", "");
    await restartProcess();
    const api = settingsApi(await adminCookie());
    const { body } = await api.get();
    expect(body.settings?.webhook).toMatchObject({ callbackUrl: null, registrable: false });
    expect(body.settings?.webhook.address).toMatch(/^APP_URL is not set/);
    expect((await api.registerWebhook()).status).toBe(409);
    expect(heygenRequests).toEqual([]);
  });
});
