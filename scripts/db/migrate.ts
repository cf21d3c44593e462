/**
 * The project's migration command (Prisma's CLI cannot migrate here without its native engine):
 *   npm run db:migrate                     apply pending prisma/migrations to DATABASE_URL (= prisma migrate deploy)
 *   npm run db:migrate:create -- <name>    write a migration for schema.prisma changes (= migrate dev --create-only)
 *   npm run db:check                       fail, printing the SQL, when schema.prisma and the migrations disagree
 * create and check work in a throwaway embedded PostgreSQL and need no DATABASE_URL.
 */
import path from "node:path";
import { applyMigrations, createMigration, diffMigrationsToSchema, migrationsDir } from "./schema-engine";

const databaseUrl = process.env.DATABASE_URL;

const USAGE = `Usage: tsx scripts/db/migrate.ts <command>
  deploy         apply pending migrations to DATABASE_URL
  create <name>  create prisma/migrations/<timestamp>_<name>/migration.sql from schema changes
  check          exit 1 if prisma/schema.prisma and prisma/migrations disagree`;

async function main([command, ...args]: string[]): Promise<number> {
  switch (command) {
    case "deploy":
      return deploy();
    case "create":
      return create(args);
    case "check":
      return check();
    default:
      console.error(USAGE);
      return 2;
  }
}

async function deploy(): Promise<number> {
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set: it names the database to migrate (postgresql://user:pass@host:port/db).");
    return 1;
  }
  const applied = await applyMigrations(databaseUrl);
  const target = describeDatabase(databaseUrl);
  if (applied.length === 0) {
    console.log(`${target} is already up to date.`);
  } else {
    console.log(`Applied ${applied.length} migration(s) to ${target}:`);
    for (const name of applied) console.log(`  ${name}`);
  }
  return 0;
}

async function create(args: string[]): Promise<number> {
  const [name, ...extra] = args;
  if (!name || extra.length > 0) {
    console.error("Usage: npm run db:migrate:create -- <name>   (e.g. add_video_language)");
    return 2;
  }
  const created = await createMigration(name);
  if (!created) {
    console.log("No changes: prisma/schema.prisma already matches the migrations. Nothing created.");
    return 0;
  }
  console.log(`Created ${path.relative(process.cwd(), created.sqlPath)}:\n\n${created.sql.trim()}\n`);
  console.log("Review it, then apply it with: npm run db:migrate");
  return 0;
}

async function check(): Promise<number> {
  const sql = await diffMigrationsToSchema();
  const migrations = path.relative(process.cwd(), migrationsDir);
  if (sql === null) {
    console.log(`prisma/schema.prisma and ${migrations} agree.`);
    return 0;
  }
  console.error(`prisma/schema.prisma and ${migrations} disagree. SQL from the migrations to the schema:`);
  console.error(`\n${sql.trim()}\n`);
  console.error("If the schema is right, create a migration with: npm run db:migrate:create -- <name>");
  return 1;
}

/** host:port/database, without credentials. */
function describeDatabase(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    return `${host}${pathname}`;
  } catch {
    return "the database";
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
