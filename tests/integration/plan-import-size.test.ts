import { beforeEach, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/live/route";
import { POST as importRoute } from "@/app/api/admin/plan/import/route";
import { POST as previewRoute } from "@/app/api/admin/plan/preview/route";
import { PLAN_IMPORT_MAX_BYTES, PLAN_IMPORT_MAX_ROWS } from "@/lib/limits";
import { db } from "@/server/db";
import { adminCookie, getRequest, jsonRequest } from "../support/requests";

// A plan of the largest allowed size, of every awkward shape, is answered promptly and never stalls the process:
// the parse once re-split the text per row (32 KiB of short lines held the health route for 3.3 s).

const HEADER = "date,title,script,presenter_or_tag";
const FORMAT_OVERHEAD = JSON.stringify({ text: "", format: "lines" }).length;

const encoded = (text: string) => Buffer.byteLength(JSON.stringify(text)) - 2;

/** `unit` repeated until the JSON body is as close to the byte cap as it gets without passing it. */
function filling(unit: string, prefix = ""): string {
  const room = PLAN_IMPORT_MAX_BYTES - FORMAT_OVERHEAD - encoded(prefix);
  return prefix + unit.repeat(Math.floor(room / encoded(unit)));
}

/** 1,000 valid rows, each script as long as the cap leaves room for. */
function fullRows(): string {
  const perRow = Math.floor((PLAN_IMPORT_MAX_BYTES - FORMAT_OVERHEAD - encoded(`${HEADER}\n`)) / PLAN_IMPORT_MAX_ROWS);
  const rows = Array.from({ length: PLAN_IMPORT_MAX_ROWS }, (_, index) => {
    const withoutScript = `2026-03-01,Row ${index},,Anna\n`;
    return withoutScript.replace(",,", `,${"s".repeat(perRow - encoded(withoutScript))},`);
  });
  return `${HEADER}\n${rows.join("")}`;
}

type Shape = { name: string; text: string; format: "csv" | "lines"; preview: number; import: number; saved?: number };
const SHAPES: Shape[] = [
  { name: "one-character lines", text: filling("a\n"), format: "lines", preview: 400, import: 400 },
  { name: "blank CRLF lines", text: filling("\r\n"), format: "lines", preview: 400, import: 400 },
  { name: "one huge line", text: filling("x"), format: "lines", preview: 200, import: 400 },
  { name: "only commas", text: filling(","), format: "csv", preview: 400, import: 400 },
  { name: "only tabs", text: filling("\t"), format: "lines", preview: 400, import: 400 },
  { name: "only quotes", text: filling('"'), format: "lines", preview: 200, import: 400 },
  { name: "quoted commas", text: filling('",'), format: "lines", preview: 200, import: 400 },
  { name: "quoted lines", text: filling('"x","y","z","w"\n', `${HEADER}\n`), format: "csv", preview: 400, import: 400 },
  { name: "1,000 full rows", text: fullRows(), format: "csv", preview: 200, import: 201, saved: PLAN_IMPORT_MAX_ROWS },
];

/** Runs `work` while asking the health route again and again; the longest wait is the process's longest stall. */
async function whileProbingHealth(work: () => Promise<Response>) {
  let finished = false;
  const answers: number[] = [];
  const started = performance.now();
  const probing = (async () => {
    while (!finished) {
      const response = await health(getRequest("/api/health/live"));
      expect(response.status).toBe(200);
      answers.push(performance.now());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const response = await work().finally(() => (finished = true));
  const ended = performance.now();
  await probing;
  const during = answers.filter((at) => at < ended);
  const marks = [started, ...during, ended];
  const longestWait = Math.max(...marks.slice(1).map((at, index) => at - marks[index]!));
  return { response, ms: ended - started, healthAnswers: during.length, longestWait };
}

let cookie: string;
beforeEach(async () => {
  cookie = await adminCookie();
  await db.presenter.create({ data: { name: "Anna", avatarId: "look_1", aspectRatio: "16:9", resolution: "1080p" } });
});

describe.each([
  { route: "preview", handler: previewRoute },
  { route: "import", handler: importRoute },
] as const)("POST /api/admin/plan/$route with a 1 MiB body", ({ route, handler }) => {
  it.each(SHAPES)("answers $name promptly while the health route keeps answering", async (shape) => {
    const body = JSON.stringify({ text: shape.text, format: shape.format });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(PLAN_IMPORT_MAX_BYTES);
    expect(Buffer.byteLength(body)).toBeGreaterThan(PLAN_IMPORT_MAX_BYTES - 1100);

    const run = await whileProbingHealth(() => handler(jsonRequest(`/api/admin/plan/${route}`, body, { cookie })));

    expect(run.response.status).toBe(route === "preview" ? shape.preview : shape.import);
    if (run.response.status === 400) expect((await run.response.json()).error.field).toBe("text");
    if (route === "import") expect(await db.planScript.count()).toBe(shape.saved ?? 0);
    // Generous bounds for a loaded machine: measured well under them (README, "Plan import"); the quadratic parse
    // took minutes on this size.
    expect(run.ms).toBeLessThan(8_000);
    expect(run.healthAnswers).toBeGreaterThan(0);
    expect(run.longestWait).toBeLessThan(2_000);
  });
});

describe("the plan routes' body cap", () => {
  it("refuses a body one byte past 1 MiB with 413, before parsing it", async () => {
    const body = JSON.stringify({ text: filling("a\n") + "a\n", format: "lines" });
    expect(Buffer.byteLength(body)).toBeGreaterThan(PLAN_IMPORT_MAX_BYTES);
    const response = await previewRoute(jsonRequest("/api/admin/plan/preview", body, { cookie }));
    expect(response.status).toBe(413);
  });
});
