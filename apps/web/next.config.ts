import type { NextConfig } from 'next';

const config: NextConfig = {
  transpilePackages: ['@tessera/db', '@tessera/jobs', '@tessera/storage', '@tessera/tiling'],
  serverExternalPackages: ['@node-rs/argon2', 'pg', '@prisma/adapter-pg', 'bullmq', 'ioredis'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
