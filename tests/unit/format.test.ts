import { describe, expect, it } from "vitest";
import { formatAge, formatDuration, formatRoughDuration } from "@/lib/format";

const NOW = Date.parse("2026-03-10T12:00:00Z");
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe("formatAge", () => {
  it.each([
    [0, "just now"],
    [59, "just now"],
    [60, "1 minute ago"],
    [45 * 60, "45 minutes ago"],
    [3 * 3600, "3 hours ago"],
    [86_400, "yesterday"],
    [3 * 86_400 + 3600, "3 days ago"],
    [8 * 86_400, "last week"],
    [20 * 86_400, "2 weeks ago"],
    [95 * 86_400, "3 months ago"],
    [800 * 86_400, "2 years ago"],
  ])("%i seconds → %s", (seconds, expected) => {
    expect(formatAge(ago(seconds), NOW)).toBe(expected);
  });

  it("says 'just now' for a clock slightly ahead of this one", () => {
    expect(formatAge(ago(-5), NOW)).toBe("just now");
  });
});

describe("durations", () => {
  it.each([
    [0, "0:00"],
    [5, "0:05"],
    [42.4, "0:42"],
    [75, "1:15"],
    [3_600, "60:00"],
  ])("formatDuration(%d) → %s", (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });

  it.each([
    [10, "under a minute"],
    [59, "under a minute"],
    [60, "about 1 min"],
    [100, "about 2 min"],
    [610, "about 10 min"],
  ])("formatRoughDuration(%d) → %s", (seconds, expected) => {
    expect(formatRoughDuration(seconds)).toBe(expected);
  });
});
