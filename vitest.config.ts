import { defineConfig } from 'vitest/config';

const ignored = ['**/node_modules/**', '**/.next/**', 'apps/web/e2e/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{packages,apps,prisma}/**/*.test.ts'],
          exclude: [...ignored, '**/*.int.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
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
