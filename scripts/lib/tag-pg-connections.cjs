// Preloaded into `next start` by `npm run measure:connections` (NODE_OPTIONS=--require): every pg.Pool and pg.Client
// the process makes gets an application_name saying which one it is ("heygen-app Pool2 p1234": the name the app gave
// it, the second pool made, process 1234), so that pg_stat_activity tells how many pools and clients each process
// made and which connection belongs to which. `pg` is a server-external package (next.config.ts): every bundle, and
// pg-boss, loads this same module, so patching its exports here reaches them all. Measurement only: never loaded by
// the app itself.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded by Node's --require */
const pg = require("pg");

let made = 0;

/** pg's own config: a connection string or an object; the app's name kept in front. */
function tagged(kind, config) {
  const options = typeof config === "string" ? { connectionString: config } : { ...config };
  const name = options.application_name ? `${options.application_name} ` : "";
  // PostgreSQL keeps 63 bytes of it.
  options.application_name = `${name}${kind}${++made} p${process.pid}`.slice(-63);
  return options;
}

const { Pool, Client } = pg;
pg.Pool = class TaggedPool extends Pool {
  constructor(config) {
    super(tagged("Pool", config));
  }
};
pg.Client = class TaggedClient extends Client {
  constructor(config) {
    super(tagged("Client", config));
  }
};
