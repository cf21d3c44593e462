import { describe, expect, it } from "vitest";
import { batchEtaSeconds, formatEta } from "@/lib/batch-eta";

// The defaults: one create a second, three rendering at once, two minutes a render.
const queue = { submitIntervalMs: 1_000, maxInFlight: 3, renderSeconds: 120 };

describe("batchEtaSeconds", () => {
  it("is null when nothing is waiting or in flight", () => {
    expect(batchEtaSeconds({ ...queue, waiting: 0, inFlight: 0 })).toBeNull();
  });

  it("is one typical render when only sent items are left", () => {
    expect(batchEtaSeconds({ ...queue, waiting: 0, inFlight: 3 })).toBe(120);
  });

  it("fills free slots one per submit interval, then the render of the last", () => {
    expect(batchEtaSeconds({ ...queue, waiting: 3, inFlight: 0 })).toBe(3 + 120);
    expect(batchEtaSeconds({ ...queue, waiting: 1, inFlight: 2 })).toBe(1 + 120);
  });

  it("sends the rest as slots free up: maxInFlight per typical render", () => {
    // 2 at once (1 slot taken), then 8 more, one every 40 s.
    expect(batchEtaSeconds({ ...queue, waiting: 10, inFlight: 1 })).toBe(2 + 8 * 40 + 120);
  });

  it("is held back by the submit interval when renders are quick or slots many", () => {
    const fast = { submitIntervalMs: 5_000, maxInFlight: 100, renderSeconds: 10 };
    expect(batchEtaSeconds({ ...fast, waiting: 150, inFlight: 0 })).toBe(100 * 5 + 50 * 5 + 10);
  });

  it("takes no time to send when there is no interval", () => {
    expect(batchEtaSeconds({ submitIntervalMs: 0, maxInFlight: 2, renderSeconds: 60, waiting: 2, inFlight: 0 })).toBe(
      60,
    );
  });
});

describe("formatEta", () => {
  it.each([
    [0, "under a minute"],
    [59, "under a minute"],
    [60, "about 1 min"],
    [44 * 60 + 40, "about 45 min"],
    [3_600, "about 1 h"],
    [2 * 3_600 + 5 * 60, "about 2 h 5 min"],
  ])("%i seconds → %s", (seconds, expected) => {
    expect(formatEta(seconds)).toBe(expected);
  });
});
