import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/lib/fetch-json";
import { useActionOutcome } from "./use-action-outcome";

/** An action the test finishes when it wants. */
function deferred() {
  let settle!: { resolve(message: string): void; reject(error: unknown): void };
  const promise = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

describe("useActionOutcome: one request at a time, and what came of the last", () => {
  it("is pending while the action runs (the last outcome cleared), then shows its message", async () => {
    const { result } = renderHook(() => useActionOutcome());
    await act(() => result.current.run(async () => "Saved."));
    const action = deferred();
    let running!: Promise<void>;
    act(() => void (running = result.current.run(() => action.promise)));
    expect(result.current).toMatchObject({ pending: true, outcome: null });

    await act(async () => (action.resolve("Saved 5 scripts."), await running));
    expect(result.current).toMatchObject({ pending: false, outcome: { kind: "done", message: "Saved 5 scripts." } });
  });

  it("shows the server's refusal with the field it names", async () => {
    const { result } = renderHook(() => useActionOutcome());
    const refusal = new ApiRequestError(422, "must be a month written YYYY-MM", {}, "month");
    await act(() => result.current.run(() => Promise.reject(refusal)));
    expect(result.current).toMatchObject({
      pending: false,
      outcome: { kind: "error", message: "must be a month written YYYY-MM", field: "month" },
    });
  });

  it("shows any other failure's message, naming no field", async () => {
    const { result } = renderHook(() => useActionOutcome());
    await act(() => result.current.run(() => Promise.reject(new TypeError("Failed to fetch"))));
    expect(result.current.outcome).toEqual({ kind: "error", message: "Failed to fetch", field: undefined });
    expect(result.current.pending).toBe(false);
  });
});
