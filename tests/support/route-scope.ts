import { AfterContext } from "next/dist/server/after/after-context";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";

export type RouteCall = {
  response: Response;
  /** Ends the request as sending the response would, then waits for every task the handler gave after(). */
  afterResponse: () => Promise<void>;
};

/**
 * Calls a route handler the way Next does as far as `after()` is concerned: inside a request scope whose
 * after() tasks start only once the response is done. This uses Next's own AfterContext and async storages
 * (internal modules), because Next offers no public way to run a handler with after() outside its server.
 */
export async function callRoute(handler: () => Promise<Response>): Promise<RouteCall> {
  const waits: Promise<unknown>[] = [];
  const onClose: Array<() => void> = [];
  const afterContext = new AfterContext({
    waitUntil: (promise: Promise<unknown>) => void waits.push(promise),
    onClose: (callback: () => void) => void onClose.push(callback),
    onTaskError: undefined,
  });
  // Just what after() and its task runner read from Next's stores.
  const workStore = { afterContext, pendingRevalidates: {}, pendingRevalidatedTags: [], pendingRevalidateWrites: [] };
  const workUnitStore = { type: "request", phase: "action" };

  const response = await workAsyncStorage.run(workStore as never, () =>
    workUnitAsyncStorage.run(workUnitStore as never, handler),
  );
  const afterResponse = async () => {
    for (const close of onClose.splice(0)) close();
    await Promise.all(waits);
  };
  return { response, afterResponse };
}
