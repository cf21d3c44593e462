import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { processWide } from "@/server/process-wide";

/**
 * Admin sessions as rows in PostgreSQL (AdminSession), shared by every app instance: a cookie is honoured only while
 * its row is open, and every check reads the row, so a session ended on one instance is refused by all at once.
 */

/** The one AdminAuth row, which remembers the fingerprint of the ADMIN_PASSWORD last seen. */
const ROW = 1;

/**
 * A fingerprint of ADMIN_PASSWORD, to notice when it changes. Keyed with SESSION_SECRET rather than a bare
 * SHA-256, so that a copy of the database alone is no help in guessing the password offline.
 */
const passwordFingerprint = () => createHmac("sha256", env.SESSION_SECRET).update(env.ADMIN_PASSWORD).digest("hex");

/** Ends every open session: one statement, so none is missed however many there are. */
const endOpenSessions = (client: Pick<typeof db, "adminSession"> = db) =>
  client.adminSession.updateMany({ where: { endedAt: null }, data: { endedAt: new Date() } });

/** When this instance runs with a new ADMIN_PASSWORD, records it and ends every session issued before. */
async function noticePasswordChange(): Promise<void> {
  const fingerprint = passwordFingerprint();
  const row = await db.adminAuth.findUnique({ where: { id: ROW } });
  if (row?.passwordHash === fingerprint) return;
  // No row yet counts as a change too: sessions whose password nobody recorded are ended (none, on a new database).
  // INSERT ... ON CONFLICT DO NOTHING, because Prisma's `upsert` with an empty update is a read then an insert:
  // instances (or tests' restarted processes) creating the row at once raced, and all but one answered 500.
  await db.adminAuth.createMany({ data: { id: ROW, passwordHash: null }, skipDuplicates: true });
  await db.$transaction(async (tx) => {
    // Conditional, so that instances noticing the same change at once end the sessions only once.
    const changed = await tx.adminAuth.updateMany({
      where: { id: ROW, OR: [{ passwordHash: null }, { passwordHash: { not: fingerprint } }] },
      data: { passwordHash: fingerprint },
    });
    if (changed.count > 0) await endOpenSessions(tx);
  });
}

/**
 * The password check, done once per process: a running process's password cannot change, so checking again on
 * every request would only cost a read. A failed check (database down) is tried again next time.
 */
export function passwordChecked(): Promise<void> {
  const memo = processWide("adminPasswordCheck", () => ({ done: null as Promise<void> | null }));
  memo.done ??= noticePasswordChange().catch((error: unknown) => {
    memo.done = null;
    throw error;
  });
  return memo.done;
}

/** Records a new session lasting `ttlMs` from `issuedAt` and returns its id; clears out expired ones meanwhile. */
export async function openSession(issuedAt: number, ttlMs: number): Promise<string> {
  await passwordChecked();
  const id = randomUUID();
  await db.adminSession.create({
    data: { id, createdAt: new Date(issuedAt), expiresAt: new Date(issuedAt + ttlMs) },
  });
  await db.adminSession.deleteMany({ where: { expiresAt: { lt: new Date(issuedAt) } } });
  return id;
}

/** True while the session exists, has not been ended, and has not expired. One primary-key read. */
export async function isSessionOpen(id: string): Promise<boolean> {
  await passwordChecked();
  const row = await db.adminSession.findUnique({ where: { id }, select: { endedAt: true, expiresAt: true } });
  return !!row && row.endedAt === null && row.expiresAt.getTime() > Date.now();
}

/** Logout: this one session ends, on every instance. */
export async function endSession(id: string): Promise<void> {
  await db.adminSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: new Date() } });
}

/** "Log out everywhere": every session issued so far ends, on every instance. */
export async function endAllSessions(): Promise<void> {
  await endOpenSessions();
}
