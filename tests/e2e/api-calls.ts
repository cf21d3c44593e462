import type { APIRequestContext } from "playwright-core";
import { expect } from "vitest";

/** POSTs JSON through the app's API as the context's session, expects `status`, and returns the answer's JSON. */
export async function postJson<T>(
  api: APIRequestContext,
  path: string,
  data: unknown,
  status: number,
  headers?: Record<string, string>,
): Promise<T> {
  const response = await api.post(path, { data, headers });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/** Polls `check` every 250 ms until it returns a value (not undefined), or fails after `ms`. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  for (const deadline = Date.now() + ms; ; await new Promise((resolve) => setTimeout(resolve, 250))) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
  }
}
