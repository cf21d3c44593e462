import pg from "pg";

/** The measurement's own session, left out of every count. */
export const OWN_APPLICATION_NAME = "measure-connections";

export type Kind = "app pool" | "LISTEN" | "login limiter" | "pg-boss" | "other";
export const KINDS: Kind[] = ["app pool", "LISTEN", "login limiter", "pg-boss", "other"];

/** One backend as pg_stat_activity shows it, with what the preload (tag-pg-connections.cjs) put in its name. */
export type Backend = {
  pid: number;
  kind: Kind;
  /** "Pool3", "Client7": the pg object that opened it (the n-th the process made); null without the preload's tag. */
  instance: string | null;
  /** The app process that opened it ("p1234"), from the same tag. */
  process: string | null;
  applicationName: string;
  state: string;
  query: string;
};

/**
 * Which part of the app a connection belongs to: by the name the app gives it (heygen-app, heygen-app-listen,
 * heygen-app-login-limit; pg-boss's heygen-batch-queue), else, for a build that names none, by what it last ran.
 */
export function kindOf(applicationName: string, query: string): Kind {
  if (applicationName.startsWith("heygen-batch-queue")) return "pg-boss";
  if (applicationName.startsWith("heygen-app-listen") || /^\s*LISTEN\b/i.test(query)) return "LISTEN";
  if (applicationName.startsWith("heygen-app-login-limit") || /\brate_limits\b/.test(query)) return "login limiter";
  if (applicationName.startsWith("heygen-app") || /^(Pool|Client)\d+ p\d+$/.test(applicationName)) {
    return applicationName.includes("Client") ? "other" : "app pool";
  }
  return "other";
}

export async function readBackends(client: pg.Client): Promise<Backend[]> {
  const { rows } = await client.query<{ pid: number; application_name: string; state: string; query: string }>(
    `SELECT pid, application_name, coalesce(state, '') AS state, left(query, 200) AS query FROM pg_stat_activity
     WHERE backend_type = 'client backend' AND datname = current_database() AND application_name <> $1`,
    [OWN_APPLICATION_NAME],
  );
  return rows.map((row) => {
    const tag = /(Pool|Client)(\d+) (p\d+)$/.exec(row.application_name);
    return {
      pid: row.pid,
      kind: kindOf(row.application_name, row.query),
      instance: tag ? `${tag[1]}${tag[2]}` : null,
      process: tag ? tag[3]! : null,
      applicationName: row.application_name,
      state: row.state,
      query: row.query,
    };
  });
}

/** Every sample: the backends open at that moment. */
export type Activity = { samples: Backend[][] };

/**
 * Samples pg_stat_activity every `everyMs` until stopped: a pool closes idle connections after 10 s, so one look at
 * the end would miss connections the exercise opened and let go.
 */
export async function sampleActivity(databaseUrl: string, everyMs = 200) {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: OWN_APPLICATION_NAME });
  await client.connect();
  const activity: Activity = { samples: [] };
  let stopped = false;
  const take = async () => {
    const backends = await readBackends(client);
    activity.samples.push(backends);
    return backends;
  };
  const loop = (async () => {
    while (!stopped) {
      await take();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    activity,
    /** Takes one last sample (the connections open now) and stops. */
    stop: async (): Promise<Backend[]> => {
      stopped = true;
      await loop;
      const last = await take();
      await client.end();
      return last;
    },
  };
}

export type KindSummary = {
  kind: Kind;
  /** pg objects (pools, clients) of this kind that opened at least one connection, per process. */
  instances: number;
  /** The most connections of this kind open at once. */
  peak: number;
  /** Connections of this kind opened during the run. */
  opened: number;
  /** Connections of this kind open at the last sample. */
  atEnd: number;
};

/**
 * Per kind. A connection's kind is its pg object's: a pool connection that has not run anything yet counts with
 * the pool's others (the login limiter's pool is known by its queries).
 */
export function summarize(activity: Activity): { kinds: KindSummary[]; processes: string[]; peak: number } {
  const instanceKind = new Map<string, Kind>();
  const keyOf = (backend: Backend) =>
    backend.instance ? `${backend.process} ${backend.instance}` : `pid ${backend.pid}`;
  for (const backend of activity.samples.flat()) {
    const key = keyOf(backend);
    const known = instanceKind.get(key);
    if (!known || known === "app pool" || known === "other") instanceKind.set(key, backend.kind);
  }
  const kindOfBackend = (backend: Backend) => instanceKind.get(keyOf(backend))!;
  const kinds = KINDS.map((kind) => {
    const backends = activity.samples.flat().filter((backend) => kindOfBackend(backend) === kind);
    return {
      kind,
      instances: new Set(backends.filter((backend) => backend.instance).map(keyOf)).size,
      peak: Math.max(0, ...activity.samples.map((sample) => sample.filter((b) => kindOfBackend(b) === kind).length)),
      opened: new Set(backends.map((backend) => backend.pid)).size,
      atEnd: (activity.samples.at(-1) ?? []).filter((backend) => kindOfBackend(backend) === kind).length,
    };
  });
  const processes = [...new Set(activity.samples.flat().map((backend) => backend.process ?? "untagged"))];
  const peak = Math.max(0, ...activity.samples.map((sample) => sample.length));
  return { kinds: kinds.filter((summary) => summary.opened > 0), processes, peak };
}
