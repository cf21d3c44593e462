import { act, renderHook } from "@testing-library/react";
import { http, HttpResponse, type JsonBodyType } from "msw";
import { setupServer } from "msw/node";
import { createElement, type ReactNode } from "react";
import { SWRConfig } from "swr";
import { vi } from "vitest";

/**
 * The app's own API as browser code reaches it in the dom project: MSW answers at the network boundary (the code
 * under test calls the real `fetch`), and a request no handler expects fails the test (tests/support/dom-setup.ts).
 */
export const api = setupServer();

const made: Request[] = [];
api.events.on("request:start", ({ request }) => void made.push(request));

/** The requests made so far, as path + query ("/api/videos/v1?wait=25"), in the order they started. */
export const asked = () =>
  made.map((request) => {
    const url = new URL(request.url);
    return url.pathname + url.search;
  });
export const forgetRequests = () => void made.splice(0);

export type HeldRequest = { request: Request; answer(response: Response): void };

/** GET requests to `path` wait until the test answers them, as a server holding a long-poll would. */
export function holdGets(path: string): HeldRequest[] {
  const held: HeldRequest[] = [];
  api.use(http.get(path, ({ request }) => new Promise<Response>((answer) => void held.push({ request, answer }))));
  return held;
}

/**
 * GET requests to `path` are answered at once with what `current()` says then; the fake clock's time of each is
 * returned, to read the pace of a poll from.
 */
export function serveJson(path: string, current: () => unknown): number[] {
  const times: number[] = [];
  api.use(
    http.get(path, () => {
      times.push(Date.now());
      return HttpResponse.json(current() as JsonBodyType);
    }),
  );
  return times;
}

/** The gaps between successive times: a poll every 3 s reads [3000, 3000, ...]. */
export const gaps = (times: number[]) => times.slice(1).map((time, index) => time - times[index]!);

/**
 * Fake time passes: due timers fire, and each answer they lead to is read (the fake clock yields to the real event
 * loop between timers, so MSW's answers arrive). Wrapped in `act` so React applies what SWR set meanwhile.
 */
export const elapse = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms).then(() => undefined));

/**
 * SWR reads a key it already has data for (the page's own, as fallback) on the next animation frame: 16 ms on the
 * fake clock.
 */
export const nextFrame = () => elapse(16);

/** The tab is hidden or shown, and told so as browsers do (`visibilitychange` on the document). */
export function setVisibility(state: "hidden" | "visible") {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  Object.defineProperty(document, "hidden", { configurable: true, get: () => state === "hidden" });
  document.dispatchEvent(new Event("visibilitychange"));
}

/** Renders a hook as a component would, with a cache of its own (SWR's defaults otherwise, as the app uses them). */
export function renderWithSwr<Result, Props>(hook: (props: Props) => Result, options: { initialProps?: Props } = {}) {
  const cache = new Map();
  const wrapper = ({ children }: { children: ReactNode }) =>
    createElement(SWRConfig, { value: { provider: () => cache } }, children);
  return renderHook(hook, { ...options, wrapper });
}

/** The text of the elements an input's aria-describedby names (its hint, its error), as a screen reader reads them. */
export const describedBy = (input: HTMLElement) =>
  (input.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent)
    .join(" | ");
