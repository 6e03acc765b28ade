import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../src/migrate';
import { TEST_DATABASE_URL, recreateDatabase } from '@tessera/testing';

const scratchUrl = TEST_DATABASE_URL.replace(/\/[^/]+$/, '/tessera_migrate_scratch');

describe('migrations', () => {
  it('apply to an empty database, then are a no-op', async () => {
    await recreateDatabase(scratchUrl);
    const first = await migrateDatabase(scratchUrl);
    expect(first.length).toBeGreaterThan(0);
    expect(await migrateDatabase(scratchUrl)).toEqual([]);

    const client = new pg.Client({ connectionString: scratchUrl });
    await client.connect();
    const tables = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    const recorded = await client.query('SELECT migration_name, finished_at FROM _prisma_migrations');
    await client.end();
    const names = tables.rows.map((r) => r.table_name as string);
    for (const t of ['User', 'Organization', 'Membership', 'Invitation', 'ApiToken', 'Project', 'LabelClass', 'AuditEvent', 'WorkerHeartbeat']) {
      expect(names).toContain(t);
    }
    expect(recorded.rows.map((r) => r.migration_name)).toEqual(first);
    expect(recorded.rows.every((r) => r.finished_at !== null)).toBe(true);
  });
});
