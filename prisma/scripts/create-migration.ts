/**
 * Writes migrations/<timestamp>_<name>/migration.sql: the SQL that takes the schema of the last migration
 * (migrations/schema-snapshot.prisma) to schema.prisma, then updates the snapshot. A datamodel-to-datamodel diff needs
 * no database (the wasm engine cannot describe a live Postgres through the pg adapter).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { databaseUrl } from '../src/database-url';
import { EMPTY_FILTER, MIGRATIONS_DIR, SCHEMA_PATH, openSchemaEngine } from '../src/schema-engine';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- <name>   (lower-case letters, digits and underscores)');
  process.exit(2);
}
const engine = await openSchemaEngine(databaseUrl());
const schema = await readFile(SCHEMA_PATH, 'utf8');
const snapshotPath = path.join(MIGRATIONS_DIR, 'schema-snapshot.prisma');
const snapshot = await readFile(snapshotPath, 'utf8').catch(() => null);
await mkdir(MIGRATIONS_DIR, { recursive: true });
const lock = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
await readFile(lock).catch(() => writeFile(lock, 'provider = "postgresql"\n'));
const result = await engine.diff({
  from: snapshot === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: snapshotPath, content: snapshot }] },
  to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
  script: true,
  exitCode: null,
  filters: EMPTY_FILTER,
});
engine.free();
const sql = result.stdout ?? '';
if (!sql.trim() || sql.includes('This is an empty migration')) {
  console.log('No schema changes: nothing written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir);
await writeFile(path.join(dir, 'migration.sql'), sql);
await writeFile(snapshotPath, schema);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
