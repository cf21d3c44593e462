import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import { ADMIN_PASSWORD, SESSION_SECRET } from "./global-setup";

const appUrl = inject("appUrl");
const DATABASE_URL = inject("e2eDatabaseUrl");
const root = path.resolve(import.meta.dirname, "../..");
/** The drill's size: 10 days × 3 presenters in CI; BATCH_DRILL_DAYS=50 for the full month of the issue. */
const DAYS = Number(process.env.BATCH_DRILL_DAYS ?? 10);
const PRESENTERS = 3;
const TAG = `drill-${randomBytes(3).toString("hex")}`;
const MONTH = "2032-01";
/** The app's default pace (QUEUE_SUBMIT_INTERVAL_MS). */
const INTERVAL_MS = 1_000;
/** Two digits: HeyGen's title filter matches parts, and "day 1" would also find "day 10". */
const titleOf = (day: number) => `Drill ${TAG} day ${String(day).padStart(2, "0")}`;

let db: pg.Client;
const workers: ChildProcess[] = [];

/**
 * `npm run worker` against the e2e database and fake HeyGen, as a deployment's separate worker process. Node itself
 * runs the worker with tsx's loader: tsx's command line would run it in a child of its own, which a SIGKILL of the
 * process started here leaves working (and running after the tests).
 */
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      DATABASE_URL,
      HEYGEN_API_URL: inject("heygenUrl"),
      HEYGEN_API_KEY: inject("heygenApiKey"),
      APP_URL: appUrl,
      ADMIN_PASSWORD,
      SESSION_SECRET,
      QUEUE_JOB_TIMEOUT_SECONDS: "10",
      LOG_LEVEL: "warn",
    },
  });
  workers.push(child);
  return child;
}

beforeAll(async () => {
  db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  for (let index = 0; index < PRESENTERS; index++) {
    await db.query(
      `INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, tags, "updatedAt") VALUES ($1, $2, $3, '16:9', '720p', $4, now())`,
      [`${TAG}-p${index}`, `Drill ${TAG} ${index}`, fakeLooks[index]!.id, [TAG]],
    );
  }
  for (let day = 1; day <= DAYS; day++) {
    await db.query(
      `INSERT INTO "PlanScript" (id, date, title, script, tag, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
      [
        `${TAG}-s${day}`,
        `${MONTH}-${String(((day - 1) % 28) + 1).padStart(2, "0")}`,
        titleOf(day),
        `Good morning, this is the news of day ${day}.`,
        TAG,
      ],
    );
  }
});

afterAll(async () => {
  await Promise.all(workers.map(killed));
  await db?.end();
});

/** SIGKILL (no goodbye), resolved once the process is gone. */
async function killed(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = once(worker, "exit");
  worker.kill("SIGKILL");
  await exited;
}

async function login(): Promise<string> {
  const response = await fetch(`${appUrl}/api/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password: inject("adminPassword") }),
  });
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

const trigger = (cookie: string) =>
  fetch(`${appUrl}/api/admin/batches`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ month: MONTH, tag: TAG }),
  }).then(async (response) => ({ status: response.status, body: await response.json() }));

type Row = { status: string; submittedAt: Date | null; videoStatus: string | null; heygenVideoId: string | null };
const itemsOfDrill = async () =>
  (
    await db.query<Row>(
      `SELECT i.status, i."submittedAt", v.status AS "videoStatus", v."heygenVideoId" FROM "BatchItem" i
       LEFT JOIN "Video" v ON v.id = i."videoId" WHERE i."presenterId" LIKE $1 ORDER BY i."submittedAt"`,
      [`${TAG}-%`],
    )
  ).rows;

async function until(done: (rows: Row[]) => boolean, timeoutMs: number): Promise<Row[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await itemsOfDrill();
    if (done(rows) || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("a month of scripts for three presenters, through the durable queue", () => {
  const total = DAYS * PRESENTERS;

  it("triggered twice at once, worked by the app and a second worker that is killed and restarted, makes each video once at the pace", async () => {
    const started = Date.now();
    let second = startWorker();
    const cookie = await login();
    const [first, again] = await Promise.all([trigger(cookie), trigger(cookie)]);
    expect(first.body.queued + again.body.queued).toBe(total);
    expect([first.body.skipped, again.body.skipped].sort((a, b) => a - b)).toEqual([0, total]);

    // A third of the way, the second worker dies mid-batch (SIGKILL: no goodbye), and a new one starts.
    await until((rows) => rows.filter((row) => row.submittedAt).length >= total / 3, 60_000 + total * 2_000);
    await killed(second);
    second = startWorker();

    const rows = await until(
      (all) => all.length === total && all.every((row) => row.videoStatus === "COMPLETED"),
      120_000 + total * 3_000,
    );
    const elapsedSeconds = (Date.now() - started) / 1000;
    expect(rows.filter((row) => row.videoStatus === "COMPLETED")).toHaveLength(total);
    expect(new Set(rows.map((row) => row.heygenVideoId)).size).toBe(total);
    const sentAt = rows.map((row) => row.submittedAt!.getTime()).sort((a, b) => a - b);
    const gaps = sentAt.slice(1).map((at, index) => at - sentAt[index]!);
    const sorted = [...gaps].sort((a, b) => a - b);
    console.log(
      `batch drill: ${total} videos in ${elapsedSeconds.toFixed(1)} s; claims ${sorted[0]} ms apart at least, ` +
        `median ${sorted[Math.floor(sorted.length / 2)]} ms, at most ${sorted.at(-1)} ms`,
    );
    // Claim times come from the database's clock under the gate's lock: spaced by the interval exactly.
    expect(sorted[0]).toBeGreaterThanOrEqual(INTERVAL_MS);
    // At HeyGen itself: each day's script made once per presenter, no more.
    for (let day = 1; day <= DAYS; day++) {
      const title = titleOf(day);
      const list = await fetch(`${inject("heygenUrl")}/v3/videos?title=${encodeURIComponent(title)}`, {
        headers: { "x-api-key": inject("heygenApiKey") },
      });
      const { data } = (await list.json()) as { data: Array<{ title: string }> };
      expect(
        data.filter((video) => video.title === title),
        title,
      ).toHaveLength(PRESENTERS);
    }
  }, 600_000);
});
