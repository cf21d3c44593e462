import { useSyncExternalStore } from "react";

const everySecond = (onTick: () => void) => {
  const timer = setInterval(onTick, 1_000);
  return () => clearInterval(timer);
};
const never = () => () => {};
const nowInSeconds = () => Math.floor(Date.now() / 1_000);

/**
 * Whole seconds since `since`, ticking while `running`. Null during server rendering and hydration,
 * so the server's HTML and the first client render agree.
 */
export function useElapsedSeconds(since: string, running: boolean): number | null {
  const now = useSyncExternalStore(running ? everySecond : never, nowInSeconds, () => null);
  return now === null ? null : Math.max(0, now - Math.floor(Date.parse(since) / 1_000));
}
