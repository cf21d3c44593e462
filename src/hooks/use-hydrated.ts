import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False during server rendering and hydration, true once React runs in the browser. Forms use it to
 * keep their submit button disabled until their JavaScript handler is attached, so an early click
 * never falls back to a native GET that would put the fields (a password!) in the URL.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
