import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": path.join(root, "src"),
      // `server-only` throws outside a React Server bundle; tests run server modules directly.
      "server-only": path.join(root, "tests/setup/server-only-stub.ts"),
      // Next's compiler gives App Router code the App Router's next/dynamic (rendered on the server, its chunk
      // preloaded); the package's own entry is the Pages Router's, which renders nothing on a server until preloaded.
      "next/dynamic": "next/dist/shared/lib/app-dynamic",
    },
  },
  test: {
    // Route handlers log every event; show those logs only for failing tests.
    silent: "passed-only",
    restoreMocks: true,
    unstubEnvs: true,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        extends: true,
        test: {
          // Browser-side code (hooks, loops) beside its tests, in happy-dom, on fake time, the API answered by MSW.
          name: "dom",
          include: ["src/**/*.test.{ts,tsx}"],
          environment: "happy-dom",
          setupFiles: ["tests/support/dom-setup.ts"],
          // One window per worker, not per file: a new one with React, SWR and MSW loaded again cost ~2 s of CPU
          // per file, five times the tests themselves. Tests share nothing: each has its own SWR cache, and the
          // handlers, requests, clock and DOM are reset after each.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // One PostgreSQL per run, started here and reset between tests: files must run one at a time.
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/integration.ts"],
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Chromium against `next start` (run `npm run build` first): see tests/e2e/global-setup.ts.
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
