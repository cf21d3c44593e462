import { describe, expect, it, vi } from "vitest";

// This file's deployment: a key to encrypt endpoint secrets with, an automation token, and the SSRF rule in force
// (ALLOW_PRIVATE_WEBHOOK_URLS unset).
vi.hoisted(() => {
  vi.stubEnv("ENCRYPTION_KEY", "b".repeat(64));
  vi.stubEnv("ADMIN_API_TOKEN", "t".repeat(40));
  vi.stubEnv("ALLOW_PRIVATE_WEBHOOK_URLS", "");
});

import { http, passthrough } from "msw";
import { NextRequest } from "next/server";
import { DELETE, GET as getOne, PATCH } from "@/app/api/admin/webhooks/[id]/route";
import { POST as resend } from "@/app/api/admin/webhooks/[id]/messages/[messageId]/resend/route";
import { POST as rotate } from "@/app/api/admin/webhooks/[id]/secret/route";
import { GET as list, POST as create } from "@/app/api/admin/webhooks/route";
import { db } from "@/server/db";
import { encryptSecret } from "@/server/outgoing-webhooks/secret";
import { heygenServer } from "../support/heygen";
import { adminCookie, getRequest, jsonRequest } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { waitFor } from "../support/wait-for";
import { finishedVideo, messagesOf, receiver, startWebhookWorker } from "./outgoing-webhooks-support";

const params = <P>(value: P) => ({ params: Promise.resolve(value) });
const valid = { url: "https://93.184.216.34/hooks/avatar", events: ["video.completed", "video.published"] };

async function post(body: unknown, cookie?: string) {
  const response = await create(jsonRequest("/api/admin/webhooks", body, { cookie: cookie ?? (await adminCookie()) }));
  return { status: response.status, text: await response.text() };
}
const errorOf = (text: string) => (JSON.parse(text) as { error: { field?: string; message: string } }).error;

describe("outgoing webhook endpoints: the API", () => {
  it("saves an endpoint and shows its secret once: never in a listing, its page, or the database in clear", async () => {
    const { status, text } = await post({ ...valid, description: "  n8n  " });
    expect(status).toBe(201);
    const { endpoint, secret } = JSON.parse(text) as { endpoint: { id: string }; secret: string };
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint).toMatchObject({ url: valid.url, events: valid.events, description: "n8n", enabled: true });

    const cookie = await adminCookie();
    const listed = await (await list(getRequest("/api/admin/webhooks", cookie))).text();
    const detail = await (
      await getOne(getRequest(`/api/admin/webhooks/${endpoint.id}`, cookie), params(endpoint))
    ).text();
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    const secretBody = secret.slice("whsec_".length);
    for (const shown of [listed, detail, JSON.stringify(row)]) {
      expect(shown).toContain(endpoint.id);
      expect(shown).not.toContain(secretBody);
    }

    // Rotation: a new secret, shown once, and the old one no longer stored.
    const rotated = await rotate(
      jsonRequest(`/api/admin/webhooks/${endpoint.id}/secret`, {}, { cookie }),
      params(endpoint),
    );
    const { secret: next } = (await rotated.json()) as { secret: string };
    expect(next).toMatch(/^whsec_/);
    expect(next).not.toBe(secret);
    expect(rotated.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses bad input with 400 naming the field, and nothing is saved", async () => {
    const cases: Array<[unknown, string]> = [
      [{ events: valid.events }, "url"],
      [{ ...valid, url: "ftp://example.com/hook" }, "url"],
      [{ ...valid, url: "not a url" }, "url"],
      [{ ...valid, events: [] }, "events"],
      [{ ...valid, events: ["video.deleted"] }, "events.0"],
      [{ ...valid, enabled: "yes" }, "enabled"],
      [{ ...valid, description: "x".repeat(201) }, "description"],
    ];
    for (const [body, field] of cases) {
      const { status, text } = await post(body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(errorOf(text).field, JSON.stringify(body)).toBe(field);
    }
    expect(await db.webhookEndpoint.count()).toBe(0);
  });

  it("refuses loopback, private, link-local, CGNAT, unique-local and mapped addresses (SSRF), by name too", async () => {
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://localhost/hook",
      "http://10.1.2.3/hook",
      "http://192.168.1.10/hook",
      "http://172.16.0.1/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://100.64.0.1/hook",
      "http://0.0.0.0/hook",
      "http://224.0.0.1/hook",
      "http://[::1]/hook",
      "http://[fd00::1]/hook",
      "http://[fe80::1]/hook",
      "http://[::ffff:127.0.0.1]/hook",
      "http://[::]/hook",
    ]) {
      const { status, text } = await post({ ...valid, url });
      expect(status, url).toBe(400);
      expect(errorOf(text), url).toMatchObject({ field: "url", message: expect.stringMatching(/^url must not point/) });
    }
    expect(await db.webhookEndpoint.count()).toBe(0);
  });

  it("refuses at send time too, judging the address actually connected to (a name resolving to loopback)", async () => {
    await startWebhookWorker();
    const hook = await receiver();
    const port = new URL(hook.url).port;
    heygenServer.use(http.all(`http://localhost:${port}/*`, () => passthrough()));
    // Saved before the rule applied (or resolving elsewhere when saved, as DNS rebinding does): written directly.
    for (const url of [`http://localhost:${port}/hook`, `http://127.0.0.1:${port}/hook`]) {
      const id = crypto.randomUUID();
      await db.webhookEndpoint.create({
        data: { id, url, events: ["video.completed"], secretCiphertext: encryptSecret(id, "whsec_c2VjcmV0c2VjcmV0") },
      });
    }
    await finishedVideo();
    const attempts = await waitFor(
      () => db.outgoingAttempt.findMany(),
      (found) => found.length >= 2,
      10_000,
    );
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({
        responseStatus: null,
        error: expect.stringMatching(/^Refused: .* is (127\.0\.0\.1|::1)/),
      });
    }
    expect(hook.requests).toHaveLength(0);
  });

  it("answers 401 without a session or with a wrong token, and serves the automation token", async () => {
    expect((await list(getRequest("/api/admin/webhooks"))).status).toBe(401);
    const withToken = (token: string) =>
      list(new NextRequest("http://app.test/api/admin/webhooks", { headers: { authorization: `Bearer ${token}` } }));
    expect((await withToken("wrong".repeat(8))).status).toBe(401);
    expect((await withToken("t".repeat(40))).status).toBe(200);
  });

  it("answers 404 for an unknown endpoint or message", async () => {
    const cookie = await adminCookie();
    const id = "no-such-endpoint";
    expect((await getOne(getRequest(`/api/admin/webhooks/${id}`, cookie), params({ id }))).status).toBe(404);
    const patched = await PATCH(
      jsonRequest(`/api/admin/webhooks/${id}`, { enabled: false }, { cookie, method: "PATCH" }),
      params({ id }),
    );
    expect(patched.status).toBe(404);
    const deleted = await DELETE(
      jsonRequest(`/api/admin/webhooks/${id}`, {}, { cookie, method: "DELETE" }),
      params({ id }),
    );
    expect(deleted.status).toBe(404);
    const { text } = await post(valid);
    const endpoint = (JSON.parse(text) as { endpoint: { id: string } }).endpoint;
    const resent = await resend(
      jsonRequest(`/api/admin/webhooks/${endpoint.id}/messages/msg_x/resend`, {}, { cookie }),
      params({ id: endpoint.id, messageId: "msg_x" }),
    );
    expect(resent.status).toBe(404);
  });

  it("changes and deletes an endpoint", async () => {
    const cookie = await adminCookie();
    const { text } = await post(valid);
    const { id } = (JSON.parse(text) as { endpoint: { id: string } }).endpoint;
    const patched = await PATCH(
      jsonRequest(
        `/api/admin/webhooks/${id}`,
        { enabled: false, events: ["batch.finished"] },
        { cookie, method: "PATCH" },
      ),
      params({ id }),
    );
    expect(await patched.json()).toMatchObject({ endpoint: { enabled: false, events: ["batch.finished"] } });
    const refused = await PATCH(
      jsonRequest(`/api/admin/webhooks/${id}`, { url: "http://10.0.0.1/x" }, { cookie, method: "PATCH" }),
      params({ id }),
    );
    expect(refused.status).toBe(400);
    expect(
      (await DELETE(jsonRequest(`/api/admin/webhooks/${id}`, {}, { cookie, method: "DELETE" }), params({ id }))).status,
    ).toBe(204);
    expect(await db.webhookEndpoint.count()).toBe(0);
    expect(await messagesOf(id)).toEqual([]);
  });

  it("without ENCRYPTION_KEY: 503 saying why, and nothing is saved", async () => {
    vi.stubEnv("ENCRYPTION_KEY", "");
    await restartProcess();
    const { status, text } = await post(valid);
    expect(status).toBe(503);
    expect(errorOf(text).message).toMatch(/^Outgoing webhooks need an ENCRYPTION_KEY/);
    expect(await db.webhookEndpoint.count()).toBe(0);
  });
});
