import { describe, expect, it, vi } from "vitest";
import { normalizeHeygenStatus } from "@/server/heygen/status";

describe("normalizeHeygenStatus", () => {
  it.each([
    ["pending", "PROCESSING"],
    ["queued", "PROCESSING"],
    ["waiting", "PROCESSING"],
    ["processing", "PROCESSING"],
    ["completed", "COMPLETED"],
    ["failed", "FAILED"],
    ["Completed", "COMPLETED"],
  ])("maps %s to %s", (status, expected) => {
    expect(normalizeHeygenStatus(status)).toBe(expected);
  });

  it("treats an unknown status as still processing and reports it", () => {
    const onUnknown = vi.fn();
    expect(normalizeHeygenStatus("rendering_v2", onUnknown)).toBe("PROCESSING");
    expect(onUnknown).toHaveBeenCalledWith("rendering_v2");
  });
});
