import "server-only";

/**
 * One place for what there must be one of per process: the database pool, the LISTEN connection, pg-boss, the
 * caches, the validated environment.
 *
 * A module-level `const` is not enough: `next build` gives routes, pages and the instrumentation hook module
 * instances of their own, so each bundle that imports a module evaluates it again. Measured on `next start`
 * (`npm run measure:connections`, docs/performance.md): three database pools and two LISTEN connections in one
 * process, and caches that a save or a refresh clears in one bundle only. globalThis is the one object every bundle
 * shares, in every environment (development's hot reloads included), so each object is kept there, once, by name.
 */
type Entry = { value: unknown; dispose?: () => unknown };

const STORE = Symbol.for("heygen-avatar-studio.process-wide");
const holder = globalThis as typeof globalThis & { [STORE]?: Map<string, Entry> };
const entries = (holder[STORE] ??= new Map());

/**
 * The process's one `name`, made by `create` on first use. `dispose` closes what it holds (connections, timers):
 * only the tests' reset calls it; a server process keeps its objects until it exits. Call it where the object is
 * used rather than keeping its result in a module constant, so that code finds the new one after a reset (or use
 * `processWideHandle`).
 */
export function processWide<T>(name: string, create: () => T, dispose?: (value: T) => unknown): T {
  const entry = entries.get(name);
  if (entry) return entry.value as T;
  const value = create();
  entries.set(name, { value, dispose: dispose && (() => dispose(value)) });
  return value;
}

/**
 * Something to import and keep in place of a process-wide object (`db`, `env`): every property read goes to the
 * current one, with its methods bound to it. Only the tests' reset ever replaces it.
 */
export function processWideHandle<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get(_, property) {
      const target = current();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
    has: (_, property) => Reflect.has(current(), property),
    // What vi.spyOn needs: it looks the method up along the prototype chain, then redefines it on the object.
    getPrototypeOf: () => Reflect.getPrototypeOf(current()),
    getOwnPropertyDescriptor: (_, property) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(current(), property);
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_, property, descriptor) => Reflect.defineProperty(current(), property, descriptor),
    deleteProperty: (_, property) => Reflect.deleteProperty(current(), property),
    ownKeys: () => Reflect.ownKeys(current()),
  });
}

/**
 * Tests only: disposes every process-wide object, newest first (pools and the LISTEN connection closed, pg-boss
 * stopped), and forgets them all, the validated environment included. The next use makes each afresh from the
 * current `process.env`, as a process started now would.
 */
export async function resetProcessWide(): Promise<void> {
  const all = [...entries.values()].reverse();
  entries.clear();
  for (const { dispose } of all) {
    try {
      await dispose?.();
    } catch {
      // Already closed, or never opened: nothing left to dispose.
    }
  }
}
