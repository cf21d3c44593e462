import { onTestFinished } from "vitest";
import { resetProcessWide } from "@/server/process-wide";

/**
 * The app as a process started now would find it: every process-wide object (the pools, the LISTEN connection,
 * pg-boss, the caches, the validated environment) closed and forgotten, made afresh on next use from the current
 * `process.env`: stub the environment first. Done again once the test has finished, so that the next test finds
 * the environment it started with (vitest restores stubbed variables after each test).
 */
export async function restartProcess(): Promise<void> {
  await resetProcessWide();
  onTestFinished(() => resetProcessWide());
}
