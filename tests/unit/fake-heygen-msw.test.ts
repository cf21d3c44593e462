import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createFakeHeygen } from "@/mocks/heygen/fake-heygen";

// The same handlers as the HTTP server, mounted in-process the way app tests use them.
const fake = createFakeHeygen({
  baseUrl: "https://api.heygen.com",
  apiKey: "k",
  webhookSecret: "s",
  renderMs: 0,
  deliverWebhooks: false,
});
const server = setupServer(...fake.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => fake.reset());
afterAll(() => {
  server.close();
  fake.close();
});

it("generates and completes a video through msw's setupServer", async () => {
  const headers = { "x-api-key": "k", "content-type": "application/json" };
  const generated = await fetch("https://api.heygen.com/v2/video/generate", {
    method: "POST",
    headers,
    body: JSON.stringify({
      callback_id: "ours",
      video_inputs: [
        {
          character: { type: "talking_photo", talking_photo_id: "6d1b6e2f3a4c4b5d8e9f0a1b2c3d4e5f" },
          voice: { type: "text", voice_id: "1bd001e7e50f421d891986aad5158bc8", input_text: "Hi" },
        },
      ],
      test: true,
    }),
  });
  const { data } = await generated.json();
  expect(fake.jobs.get(data.video_id)).toMatchObject({ width: 1920, height: 1080, test: true, talkingPhotoId: expect.any(String) });

  const status = await fetch(`https://api.heygen.com/v1/video_status.get?video_id=${data.video_id}`, { headers });
  const body = await status.json();
  expect(body.data).toMatchObject({ status: "completed", callback_id: "ours" });
  expect(body.data.video_url).toMatch(/^https:\/\/api\.heygen\.com\/media\/[0-9a-f]{32}\.mp4\?Expires=\d+&Signature=[0-9a-f]{64}$/);

  const video = await fetch(body.data.video_url, { headers: { range: "bytes=-10" } });
  expect(video.status).toBe(206);
  expect((await video.arrayBuffer()).byteLength).toBe(10);
});
