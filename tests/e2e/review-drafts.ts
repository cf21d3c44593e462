import type { Browser } from "playwright-core";
import type pg from "pg";
import { expect, inject } from "vitest";

/**
 * Drafts awaiting review made the way an admin makes them: "Generate what is missing" for one presenter's month,
 * through the app's own API and queue (the fake HeyGen renders them; a batch makes drafts unless told otherwise).
 * Resolves with the video ids by title once every one is a ready draft.
 */
export async function planDrafts(
  browser: Browser,
  db: pg.Client,
  { month, presenterId }: { month: string; presenterId: string },
): Promise<Map<string, string>> {
  const context = await browser.newContext({ baseURL: inject("appUrl") });
  try {
    const api = context.request;
    const login = await api.post("/api/admin/login", { data: { password: inject("adminPassword") } });
    expect(login.status()).toBe(200);
    const batch = await api.post("/api/admin/batches", { data: { month, presenterIds: [presenterId] } });
    expect(batch.status()).toBe(201);
    const { batchId } = (await batch.json()) as { batchId: string };
    return await madeDrafts(db, batchId);
  } finally {
    await context.close();
  }
}

/** Waits until every item of the batch has a completed draft (the fake renders in seconds); their ids by title. */
async function madeDrafts(db: pg.Client, batchId: string): Promise<Map<string, string>> {
  for (const deadline = Date.now() + 90_000; ; await new Promise((resolve) => setTimeout(resolve, 250))) {
    const { rows } = await db.query<{ id: string | null; title: string | null; status: string | null; draft: boolean }>(
      `SELECT v.id, v.title, v.status::text, v.visibility = 'DRAFT' AS draft FROM "BatchItem" i LEFT JOIN "Video" v ON v.id = i."videoId"
       WHERE i."batchId" = $1`,
      [batchId],
    );
    if (rows.length > 0 && rows.every((row) => row.status === "COMPLETED" && row.draft)) {
      return new Map(rows.map((row) => [row.title!, row.id!]));
    }
    if (Date.now() > deadline) throw new Error(`The batch's videos were not made: ${JSON.stringify(rows)}`);
  }
}
