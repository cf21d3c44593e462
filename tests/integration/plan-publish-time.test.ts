import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getMonth, PUT as putMonth } from "@/app/api/admin/plan/months/[month]/route";
import { db } from "@/server/db";
import { adminCookie, getRequest, jsonRequest } from "../support/requests";

vi.hoisted(() => Object.assign(process.env, { PUBLISH_TIMEZONE: "Europe/Berlin" }));

let cookie: string;
beforeEach(async () => {
  cookie = await adminCookie();
});

const params = (month: string) => ({ params: Promise.resolve({ month }) });
async function read(month: string, session: string | null = cookie) {
  const response = await getMonth(getRequest(`/api/admin/plan/months/${month}`, session ?? undefined), params(month));
  return { status: response.status, body: await response.json() };
}
async function write(month: string, body: unknown, session: string | null = cookie) {
  const request = jsonRequest(`/api/admin/plan/months/${month}`, body, { cookie: session ?? undefined, method: "PUT" });
  const response = await putMonth(request, params(month));
  return { status: response.status, body: await response.json() };
}

describe("/api/admin/plan/months/{YYYY-MM}: the month's publish time", () => {
  it("answers the default (09:00) in PUBLISH_TIMEZONE until set, then the month's own", async () => {
    expect(await read("2026-12")).toEqual({
      status: 200,
      body: { month: "2026-12", publishTime: "09:00", timeZone: "Europe/Berlin", custom: false },
    });
    expect(await write("2026-12", { publishTime: "18:45" })).toEqual({
      status: 200,
      body: { month: "2026-12", publishTime: "18:45", timeZone: "Europe/Berlin", custom: true },
    });
    expect((await read("2026-12")).body).toMatchObject({ publishTime: "18:45", custom: true });
    expect(await write("2026-12", { publishTime: "06:00" })).toMatchObject({ body: { publishTime: "06:00" } });
    expect(await db.planMonth.findMany()).toEqual([
      expect.objectContaining({ month: "2026-12", publishTime: "06:00" }),
    ]);
    expect((await read("2027-01")).body).toMatchObject({ publishTime: "09:00", custom: false }); // another month
  });

  it("refuses a publish time that is not HH:MM, from 00:00 to 23:59, with a 400 naming it, and keeps the old one", async () => {
    await write("2026-12", { publishTime: "10:00" });
    for (const publishTime of ["9:00", "24:00", "12:60", "noon", "", 900, undefined]) {
      const { status, body } = await write("2026-12", { publishTime });
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: "invalid_input", field: "publishTime" });
      expect(body.error.message).toMatch(/^publishTime must be a time written HH:MM/);
    }
    expect((await read("2026-12")).body.publishTime).toBe("10:00");
  });

  it("refuses a month that is not YYYY-MM with a 400 naming it", async () => {
    for (const month of ["2026-13", "december", "2026-1"]) {
      expect(await read(month)).toMatchObject({ status: 400, body: { error: { field: "month" } } });
      expect(await write(month, { publishTime: "10:00" })).toMatchObject({
        status: 400,
        body: { error: { field: "month" } },
      });
    }
    expect(await db.planMonth.count()).toBe(0);
  });

  it("answers 401 without an admin session", async () => {
    expect((await read("2026-12", null)).status).toBe(401);
    expect((await write("2026-12", { publishTime: "10:00" }, null)).status).toBe(401);
    expect(await db.planMonth.count()).toBe(0);
  });
});
