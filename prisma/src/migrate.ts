import pg from 'pg';
import { EMPTY_FILTER, listMigrations, openSchemaEngine } from './schema-engine';

/** Creates the database named in the URL if it does not exist (Postgres only allows that from another database). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Applies every committed migration not yet applied; returns the names applied now. */
export async function migrateDatabase(url: string): Promise<string[]> {
  await ensureDatabase(url);
  const engine = await openSchemaEngine(url);
  try {
    const out = await engine.applyMigrations({ migrationsList: await listMigrations(), filters: EMPTY_FILTER });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
