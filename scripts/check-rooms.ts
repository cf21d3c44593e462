/**
 * `npm run lint:rooms` (part of `npm run lint`): the code's rooms stay as the README says them.
 * - The README's "Layout" lists every folder of src/ (a room of src/server or src/components on a line of its own;
 *   any other folder at least named in its parent's line), and nothing that is gone. Route segments below
 *   src/app/<group>/ are the URLs themselves and are not listed; src/generated/ is Prisma's output.
 * - No loop between the rooms of src/server or of src/components: madge (`npm run lint:cycles`) finds loops between
 *   files, this finds them between folders (say sync/ asking videos/ to change a status while videos/ asks sync/).
 *   The files at the top of src/server (env, db, logger...) are the floor every room stands on, and not a room.
 * Exits 1 with what to fix.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const problems: string[] = [];

// --- The README's layout against the tree -------------------------------------------------------------------------

type Entry = { path: string; text: string };

/** The layout block's entries: a name ending in "/" at an indent of two spaces per level, with its description. */
function layoutEntries(readme: string): Entry[] {
  const block = readme.split(/^## Layout$/m)[1]?.split(/^```$/m)[1];
  if (!block) throw new Error('README.md has no "## Layout" section with a code block.');
  const entries: Entry[] = [];
  const parents: string[] = [];
  for (const line of block.split("\n")) {
    const match = /^( *)(\S+\/)(?= |$)/.exec(line);
    const indent = match?.[1]!.length ?? 0;
    if (!match || indent % 2 !== 0 || indent / 2 > parents.length) {
      if (entries.length) entries.at(-1)!.text += ` ${line.trim()}`; // a description's next line
      continue;
    }
    parents.length = indent / 2;
    const entryPath = path.posix.join(parents.at(-1) ?? "", match[2]!);
    parents.push(entryPath);
    entries.push({ path: entryPath.replace(/\/$/, ""), text: line.slice(indent + match[2]!.length) });
  }
  return entries;
}

function foldersUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder))
    .filter((name) => statSync(path.join(root, folder, name)).isDirectory())
    .map((name) => path.posix.join(folder, name));
}

const entries = layoutEntries(readFileSync(path.join(root, "README.md"), "utf8"));
const listed = new Map(entries.map((entry) => [entry.path, entry]));
for (const entry of entries) {
  if (!statSync(path.join(root, entry.path), { throwIfNoEntry: false })?.isDirectory()) {
    problems.push(`README's Layout lists ${entry.path}/, which does not exist.`);
  }
}

const mustHaveLine = (folder: string) =>
  /^src\/(server|components)\/[^/]+$/.test(folder) || /^src\/[^/]+$/.test(folder);
const skipped = (folder: string) => folder.startsWith("src/generated/") || /^src\/app\/[^/]+\/./.test(folder);
const walk = (folder: string): string[] =>
  foldersUnder(folder).flatMap((child) => (skipped(child) ? [] : [child, ...walk(child)]));

for (const folder of [...walk("src"), ...foldersUnder("scripts"), ...foldersUnder("tests")]) {
  if (listed.has(folder) || [...listed.keys()].some((entry) => entry.startsWith(`${folder}/`))) continue;
  const parent = listed.get(path.posix.dirname(folder));
  const named = parent?.text.includes(`${path.posix.basename(folder)}/`);
  if (mustHaveLine(folder) || !named) {
    problems.push(`README's Layout does not ${mustHaveLine(folder) ? "have a line for" : "name"} ${folder}/.`);
  }
}

// --- No loop between rooms -------------------------------------------------------------------------------------------

const fileImports: Record<string, string[]> = JSON.parse(
  execFileSync("npx", ["madge", "--json", "src"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 }),
);

for (const house of ["server", "components"]) {
  const roomOf = (file: string) => new RegExp(`^${house}/([^/]+)/`).exec(file)?.[1];
  const arrows = new Map<string, Set<string>>();
  for (const [from, tos] of Object.entries(fileImports)) {
    for (const to of tos) {
      const [a, b] = [roomOf(from), roomOf(to)];
      if (a && b && a !== b) arrows.set(a, (arrows.get(a) ?? new Set()).add(b));
    }
  }
  // Depth-first search: an arrow back to a room on the current path closes a loop.
  const done = new Set<string>();
  const visit = (room: string, trail: string[]) => {
    if (trail.includes(room)) {
      problems.push(
        `src/${house} rooms import each other in a loop: ${[...trail.slice(trail.indexOf(room)), room].join(" → ")}`,
      );
      return;
    }
    if (done.has(room)) return;
    for (const next of arrows.get(room) ?? []) visit(next, [...trail, room]);
    done.add(room);
  };
  for (const room of arrows.keys()) visit(room, []);
}

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`Rooms: README's Layout matches the tree (${entries.length} entries); no loop between rooms.`);
