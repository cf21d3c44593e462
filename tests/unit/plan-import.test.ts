import { describe, expect, it } from "vitest";
import { PLAN_IMPORT_MAX_ROWS, SCRIPT_MAX_LENGTH } from "@/lib/limits";
import { parsePlan } from "@/lib/plan-import";

const HEADER = "date,title,script,presenter_or_tag";
const errorsOf = (text: string, format: "csv" | "lines" = "csv") =>
  parsePlan(text, format).rows.map((row) => ({ line: row.line, errors: row.errors.map((error) => error.field) }));

describe("parsePlan (csv)", () => {
  it("reads quoted scripts holding commas, quotes and newlines, with a BOM and CRLF, and gives each row its first line", () => {
    const text = `\uFEFF${HEADER}\r\n2026-03-01,Hello,"Hi, all.\r\nSecond line, ""quoted"".",Anna\r\n2026-03-02,News,Plain,#morning\r\n`;
    const { rows, error } = parsePlan(text, "csv");
    expect(error).toBeNull();
    expect(rows).toEqual([
      expect.objectContaining({
        line: 2,
        date: "2026-03-01",
        title: "Hello",
        script: 'Hi, all.\r\nSecond line, "quoted".',
        parsedTarget: { kind: "presenter", name: "Anna" },
        errors: [],
      }),
      expect.objectContaining({
        line: 4,
        date: "2026-03-02",
        parsedTarget: { kind: "tag", tag: "morning" },
        errors: [],
      }),
    ]);
  });

  it("counts blank lines in line numbers but makes no rows of them", () => {
    expect(errorsOf(`${HEADER}\n\n2026-03-01,A,B,Anna\n\n\n2026-03-02,A,B,Anna\n`)).toEqual([
      { line: 3, errors: [] },
      { line: 6, errors: [] },
    ]);
  });

  it("names each error with the line of its row", () => {
    const text = [
      HEADER,
      "2026-02-30,Bad date,Text,Anna",
      "2026-03-01,,Text,Anna",
      "2026-03-01,No script,,Anna",
      `2026-03-01,Long,${"x".repeat(SCRIPT_MAX_LENGTH + 1)},Anna`,
      "2026-03-01,No target,Text,",
      "2026-03-01,Bad tag,Text,#Not a tag!",
      "2026-03-01,Extra,Text,Anna,more",
      "03/01/2026,US date,Text,#news",
    ].join("\n");
    expect(errorsOf(text)).toEqual([
      { line: 2, errors: ["date"] },
      { line: 3, errors: ["title"] },
      { line: 4, errors: ["script"] },
      { line: 5, errors: ["script"] },
      { line: 6, errors: ["presenter_or_tag"] },
      { line: 7, errors: ["presenter_or_tag"] },
      { line: 8, errors: ["row"] },
      { line: 9, errors: ["date"] },
    ]);
  });

  it("refuses a text without the header, or with no rows, or with too many rows", () => {
    expect(parsePlan("2026-03-01,A,B,Anna", "csv").error).toMatch(/header/);
    expect(parsePlan(`${HEADER}\n`, "csv").error).toMatch(/no scripts/);
    const many = [HEADER, ...Array.from({ length: PLAN_IMPORT_MAX_ROWS + 1 }, () => "2026-03-01,A,B,Anna")].join("\n");
    expect(parsePlan(many, "csv").error).toMatch(String(PLAN_IMPORT_MAX_ROWS));
  });
});

describe("parsePlan (lines)", () => {
  it("reads tab-separated lines pasted from a spreadsheet, commas kept inside the script", () => {
    const { rows } = parsePlan(
      "2026-03-01\tHello\tHi, all.\tanna\n2026-03-02\tNews\tToday, briefly.\t#morning-news",
      "lines",
    );
    expect(rows.map(({ line, script, parsedTarget }) => ({ line, script, parsedTarget }))).toEqual([
      { line: 1, script: "Hi, all.", parsedTarget: { kind: "presenter", name: "anna" } },
      { line: 2, script: "Today, briefly.", parsedTarget: { kind: "tag", tag: "morning-news" } },
    ]);
  });

  it("splits only on tabs or commas, never on the pipes inside a script", () => {
    const { rows } = parsePlan(
      "2026-03-01,Menu,Soup | bread | cheese | wine | cake,Anna\n2026-03-02,Menu,Tea | milk | honey | lemon | ice,Anna",
      "lines",
    );
    expect(rows.map((row) => [row.script, row.errors])).toEqual([
      ["Soup | bread | cheese | wine | cake", []],
      ["Tea | milk | honey | lemon | ice", []],
    ]);
  });

  it("reads comma-separated lines, with no header", () => {
    expect(errorsOf("2026-03-01,Hello,Hi there,Anna\n2026-13-01,Bad,Text,Anna", "lines")).toEqual([
      { line: 1, errors: [] },
      { line: 2, errors: ["date"] },
    ]);
  });
});

describe("parsePlan (the text as written)", () => {
  it("lets each pasted line pick its delimiter, a tab before a comma", () => {
    const { rows } = parsePlan("2026-03-01\tTabbed\tHi, all.\tAnna\n2026-03-02,Commas,Plain,Anna", "lines");
    expect(rows.map((row) => [row.title, row.script, row.errors])).toEqual([
      ["Tabbed", "Hi, all.", []],
      ["Commas", "Plain", []],
    ]);
  });

  it("reads a tab-separated CSV file by its header's line", () => {
    const { rows, error } = parsePlan(`${HEADER.replaceAll(",", "\t")}\n2026-03-01\tA\tHi, all.\tAnna`, "csv");
    expect(error).toBeNull();
    expect(rows.map((row) => [row.script, row.errors])).toEqual([["Hi, all.", []]]);
  });

  it("counts CR-only line ends and line breaks inside quotes, and keeps text after a closing quote", () => {
    const text = `${HEADER}\r2026-03-01,"A\nB\r\nC",x,Anna\r\r2026-03-02,"Q" after,x,Anna`;
    expect(parsePlan(text, "csv").rows.map((row) => [row.line, row.title])).toEqual([
      [2, "A\nB\r\nC"],
      [6, "Q after"],
    ]);
  });

  it("names a row whose quote never closes, which holds the rest of the text", () => {
    const { rows } = parsePlan(`${HEADER}\n2026-03-01,A,B,Anna\n2026-03-02,"Open,x,Anna\n2026-03-03,C,D,Anna`, "csv");
    expect(rows.map((row) => [row.line, row.title, row.errors.map((error) => error.field)])).toEqual([
      [2, "A", []],
      [3, "Open,x,Anna\n2026-03-03,C,D,Anna", ["row", "row", "script", "presenter_or_tag"]],
    ]);
    expect(rows[1]!.errors[0]!.message).toBe("opens a quote that is never closed");
  });

  it("stops at the row limit however short the rows", () => {
    const { rows, error } = parsePlan("x\n".repeat(200_000), "lines");
    expect(rows).toEqual([]);
    expect(error).toBe(`An import holds at most ${PLAN_IMPORT_MAX_ROWS} scripts; this one has more.`);
  });
});
