import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** apps/web's `@/` import alias, for its tests. */
const webAlias = [{ find: /^@\//, replacement: `${path.resolve(import.meta.dirname, 'apps/web/src')}/` }];

const ignored = ['**/node_modules/**', '**/.next/**', 'apps/web/e2e/**'];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: webAlias },
        test: {
          name: 'unit',
          include: ['{packages,apps,prisma}/**/*.test.ts'],
          exclude: [...ignored, '**/*.int.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias: webAlias },
        test: {
          name: 'int',
          include: ['{packages,apps,prisma}/**/*.int.test.ts'],
          exclude: ignored,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['packages/testing/src/global-setup.ts'],
        },
      },
    ],
  },
});
