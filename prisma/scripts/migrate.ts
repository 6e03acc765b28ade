import { databaseUrl } from '../src/database-url';
import { migrateDatabase } from '../src/migrate';

const applied = await migrateDatabase(databaseUrl());
console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date.');
