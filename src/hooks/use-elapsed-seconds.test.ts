import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { elapse } from "../../tests/support/dom";
import { useElapsedSeconds } from "./use-elapsed-seconds";

describe("useElapsedSeconds", () => {
  it("counts whole seconds since `since`, ticking every second while running", async () => {
    const since = new Date(Date.now() - 90_500).toISOString();
    const { result } = renderHook(() => useElapsedSeconds(since, true));
    const start = result.current!;
    expect(start).toBeGreaterThanOrEqual(90);
    await elapse(1_000);
    expect(result.current).toBe(start + 1);
    await elapse(59_000);
    expect(result.current).toBe(start + 60);
  });

  it("stands still while not running, and never counts below zero", async () => {
    const since = new Date(Date.now() + 5_000).toISOString(); // a clock a little ahead of this one
    const { result } = renderHook(() => useElapsedSeconds(since, false));
    expect(result.current).toBe(0);
    await elapse(60_000);
    expect(result.current).toBe(0);
  });
});
