import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

/**
 * @prisma/adapter-pg, fixed up for the schema engine.
 *
 * To describe a schema (diff, check) the engine reads catalog columns of PostgreSQL's one-byte `"char"` type
 * (pg_constraint.contype, pg_class.relkind, ...) and expects them as its Character column type. adapter-pg 7.10
 * no longer maps that type at all: it fails with "Column type 'char' could not be deserialized", and as text the
 * engine panics. So a pg Client reports those columns as text to adapter-pg (their values are plain strings either
 * way) and remembers which they were, and the adapter wrapper hands them back to the engine as Character.
 */
export function migrationAdapterFactory(databaseUrl: string): MigrationAdapterFactory {
  // The Client class travels in the pool config, which adapter-pg reuses for the shadow database's pool.
  const factory = new PrismaPg({ connectionString: databaseUrl, Client: CharColumnsTrackingClient });
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const wrapped = withCharacterColumns(adapter, () => open.delete(wrapped));
    open.add(wrapped);
    return wrapped;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
    dispose: async () => {
      await Promise.all([...open].map((adapter) => adapter.dispose()));
    },
  };
}

export interface MigrationAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /**
   * Closes the connections the engine opened. Freeing the engine does not, and the migration lock it takes (a
   * session advisory lock) would block the next engine on the same database until the pool drops the idle connection.
   */
  dispose(): Promise<void>;
}

const CHAR_OID = 18;
const TEXT_OID = 25;

/** Rows arrays of results that had `"char"` columns → those columns' indices. adapter-pg passes `rows` through. */
const charColumnsByRows = new WeakMap<unknown[], number[]>();

class CharColumnsTrackingClient extends pg.Client {
  // Intercepts both forms pg-pool and adapter-pg use: callback last, or a returned promise. (`never` satisfies
  // every overload of pg's query(); callers get whatever pg returns.)
  override query(...args: unknown[]): never {
    const query = super.query.bind(this) as (...args: unknown[]) => unknown;
    const callbackIndex = args.findIndex((arg) => typeof arg === "function");
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (error: Error | null, result?: unknown) => void;
      args[callbackIndex] = (error: Error | null, result?: unknown) => callback(error, trackCharColumns(result));
      return query(...args) as never;
    }
    const returned = query(...args);
    return (returned instanceof Promise ? returned.then(trackCharColumns) : returned) as never;
  }
}

function trackCharColumns<T>(result: T): T {
  if (!isQueryResult(result)) return result;
  const charColumns: number[] = [];
  result.fields.forEach((field, index) => {
    if (field.dataTypeID !== CHAR_OID) return;
    field.dataTypeID = TEXT_OID;
    charColumns.push(index);
  });
  if (charColumns.length > 0) charColumnsByRows.set(result.rows, charColumns);
  return result;
}

function isQueryResult(value: unknown): value is pg.QueryResult<unknown[]> {
  return typeof value === "object" && value !== null && "fields" in value && Array.isArray(value.fields);
}

function withCharacterColumns(adapter: SqlDriverAdapter, onDispose: () => void): SqlDriverAdapter {
  let disposing: Promise<void> | undefined;
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: async (query) => restoreCharacterColumns(await adapter.queryRaw(query)),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: (script) => executeWholeScript(adapter, script),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    // Once only: adapter-pg's pools throw when ended twice.
    dispose: () => {
      onDispose();
      return (disposing ??= adapter.dispose());
    },
  };
}

function restoreCharacterColumns(resultSet: SqlResultSet): SqlResultSet {
  for (const index of charColumnsByRows.get(resultSet.rows) ?? []) {
    resultSet.columnTypes[index] = ColumnTypeEnum.Character;
  }
  return resultSet;
}

/**
 * adapter-pg runs a script by splitting it at every `;`, which breaks function bodies (`$$ ... ; ... $$`). PostgreSQL
 * takes a whole script in one simple query, as one implicit transaction: all of it applies or none does.
 */
async function executeWholeScript(adapter: SqlDriverAdapter, script: string): Promise<void> {
  const { client } = adapter as unknown as { client: pg.Pool | pg.Client };
  await client.query(script);
}
