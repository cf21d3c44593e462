import "server-only";
import { createHmac } from "node:crypto";
import { db } from "@/server/db";
import { env } from "@/server/env";

/**
 * The admin session version, held in the one AdminAuth row (id 1) so that every app instance agrees on it.
 * A session cookie is valid only for the version it was issued under: bumping it ends every older session.
 */
const ROW = 1;

/**
 * A fingerprint of ADMIN_PASSWORD, to notice when it changes. Keyed with SESSION_SECRET rather than a bare
 * SHA-256, so that a copy of the database alone is no help in guessing the password offline.
 */
const passwordFingerprint = () => createHmac("sha256", env.SESSION_SECRET).update(env.ADMIN_PASSWORD).digest("hex");

/** The current version; when this instance runs with a new ADMIN_PASSWORD, bumps it first (once). */
export async function currentSessionVersion(): Promise<number> {
  const fingerprint = passwordFingerprint();
  const row = (await db.adminAuth.findUnique({ where: { id: ROW } })) ?? (await createRow(fingerprint));
  if (row.passwordHash === fingerprint) return row.sessionVersion;

  // Conditional, so that instances noticing the same change at once bump the version only once.
  await db.adminAuth.updateMany({
    where: { id: ROW, OR: [{ passwordHash: null }, { passwordHash: { not: fingerprint } }] },
    data: { passwordHash: fingerprint, sessionVersion: { increment: 1 } },
  });
  return (await db.adminAuth.findUniqueOrThrow({ where: { id: ROW } })).sessionVersion;
}

/**
 * The row on a fresh (or just reset) database. INSERT ... ON CONFLICT DO NOTHING, because Prisma's `upsert` with an
 * empty update is a read then an insert: concurrent first logins raced to insert and all but one answered 500.
 */
async function createRow(fingerprint: string) {
  await db.adminAuth.createMany({ data: { id: ROW, passwordHash: fingerprint }, skipDuplicates: true });
  return db.adminAuth.findUniqueOrThrow({ where: { id: ROW } });
}

/** "Log out everywhere": every session issued so far stops working, on every instance. */
export async function revokeAllSessions(): Promise<void> {
  await currentSessionVersion(); // makes sure the row exists and knows the current password
  await db.adminAuth.update({ where: { id: ROW }, data: { sessionVersion: { increment: 1 } } });
}
