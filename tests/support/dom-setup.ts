import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import { api, forgetRequests } from "./dom";

// Every dom test runs on fake time: no test waits for real seconds, and timing assertions are exact.
beforeAll(() => api.listen({ onUnhandledRequest: "error" }));
beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  cleanup();
  api.resetHandlers();
  forgetRequests();
  vi.useRealTimers();
  // A test that hid the tab leaves it shown again.
  delete (document as { visibilityState?: unknown }).visibilityState;
  delete (document as { hidden?: unknown }).hidden;
});
afterAll(() => api.close());
