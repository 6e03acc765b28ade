import { createDb } from '../src/client';
import { databaseUrl } from '../src/database-url';
import { DEMO_LOGIN, seedDemo } from '../src/seed-demo';

const db = createDb(databaseUrl());
const r = await seedDemo(db);
console.log(r.created ? `Seeded the demo: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}` : 'The demo is already seeded.');
await db.$disconnect();
