/**
 * Prisma's schema engine as WebAssembly, driven through the pg driver adapter. Prisma's CLI downloads a native
 * engine (impossible offline); this runs the same engine code, so migrations behave like `prisma migrate deploy`.
 */
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);
export const PRISMA_DIR = path.resolve(import.meta.dirname, '..');
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
export const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
export const EMPTY_FILTER = { externalTables: [], externalEnums: [] };

interface WasmApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }>;
}

let engineClass: Promise<typeof SchemaEngine> | undefined;

/** The wasm module keeps global state: instantiate it once per process. */
function loadEngineClass(): Promise<typeof SchemaEngine> {
  return (engineClass ??= instantiateEngine());
}

async function instantiateEngine(): Promise<typeof SchemaEngine> {
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const bg = await import(path.join(pkgDir, 'schema_engine_bg.js'));
  const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
  // @types/node 20 does not declare the WebAssembly global.
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bg.SchemaEngine as typeof SchemaEngine;
}

export async function openSchemaEngine(url: string): Promise<SchemaEngine> {
  const Engine = await loadEngineClass();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
  const log = (msg: string) => { if (process.env.PRISMA_ENGINE_DEBUG) console.error(msg); };
  return Engine.new({ datamodels: [[SCHEMA_PATH, schema]] }, log, adapter);
}

export async function listMigrations(): Promise<MigrationList> {
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8')
            .then((value) => ({ tag: 'ok' as const, value }))
            .catch((e: Error) => ({ tag: 'error' as const, value: e.message })),
        },
      })),
    ),
  };
}
