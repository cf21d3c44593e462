import { afterEach, describe, expect, it, vi } from "vitest";
import { normalizeHeygenStatus } from "@/server/heygen/status";

describe("normalizeHeygenStatus", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ["pending", "PROCESSING"],
    ["waiting", "PROCESSING"],
    ["processing", "PROCESSING"],
    ["completed", "COMPLETED"],
    ["failed", "FAILED"],
    ["Completed", "COMPLETED"],
  ])("maps %s to %s", (status, expected) => {
    expect(normalizeHeygenStatus(status)).toBe(expected);
  });

  it("treats an unknown status as still processing and logs it", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(normalizeHeygenStatus("rendering_v2")).toBe("PROCESSING");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("rendering_v2"));
  });
});
