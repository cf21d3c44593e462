import { execFile } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";

const STOP_TIMEOUT_MS = 15_000;

/**
 * A server killed without a chance to stop (e.g. SIGKILL of `npm run dev`) leaves postmaster.pid behind, and its
 * postmaster may even still be running as an orphan. PostgreSQL only ignores the file when no process has that PID.
 */
export async function clearLeftoverPostmaster(dataDir: string): Promise<void> {
  const pid = await readPostmasterPid(dataDir);
  if (pid === null) return;
  if (isAlive(pid)) {
    const commandLine = await readCommandLine(pid);
    if (commandLine === null) {
      throw new Error(`${dataDir}/postmaster.pid names running process ${pid}, which may be a server on this cluster`);
    }
    if (/postgres/.test(commandLine[0] ?? "") && commandLine.includes(dataDir)) {
      process.kill(pid, "SIGINT"); // fast shutdown
      if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) await killAndWait(pid);
      return; // a clean shutdown removes postmaster.pid itself
    }
  }
  // Dead, or the PID now belongs to an unrelated process: the file is stale.
  await rm(path.join(dataDir, "postmaster.pid"), { force: true });
}

async function readPostmasterPid(dataDir: string): Promise<number | null> {
  const content = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  const pid = Number.parseInt(content?.split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function readCommandLine(pid: number): Promise<string[] | null> {
  const fromProc = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => null);
  if (fromProc !== null) return fromProc.split("\0").filter(Boolean);
  // No procfs (macOS): ps joins arguments with spaces, good enough for a containment check.
  const fromPs = await promisify(execFile)("ps", ["-o", "args=", "-p", String(pid)]).catch(() => null);
  const line = fromPs?.stdout.trim();
  return line ? line.split(/\s+/) : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

async function killAndWait(pid: number): Promise<void> {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    return; // already gone
  }
  await waitForExit(pid, STOP_TIMEOUT_MS);
}
