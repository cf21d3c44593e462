import { beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/server/db";
import { RIGHT, behindProxies, knownDevice, loginFrom } from "../support/login";
import { resetSql } from "../support/database-reset";

/** The integration tests' own database reset (every table back to what the migrations left), run again now. */
const resetDatabase = () => db.$executeRawUnsafe(resetSql(inject("migrationSeed")));

beforeEach(() => behindProxies(1));

describe("concurrent logins", () => {
  it("answers every one of several simultaneous first logins on a freshly reset database", async () => {
    // Known devices, so that the global slow-down does not space the logins out: they reach the database together.
    const devices = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => knownDevice(`198.51.100.${i}`)));
    for (let round = 0; round < 5; round++) {
      await resetDatabase();
      const answers = await Promise.all(devices.map((device, i) => loginFrom(`203.0.113.${i}`, RIGHT, device)));
      const failed = await Promise.all(answers.filter((a) => a.status !== 200).map(async (a) => await a.text()));
      expect(failed).toEqual([]);
    }
  });
});
