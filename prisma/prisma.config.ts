import { defineConfig } from 'prisma/config';
import { databaseUrl } from './src/database-url';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: databaseUrl() },
});
