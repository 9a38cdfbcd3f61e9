import type { NextConfig } from 'next';

const config: NextConfig = {
  // Node-only packages stay out of the bundle: pg and the Prisma adapter load native-ish code,
  // bullmq/ioredis keep connection state that must not be duplicated per chunk.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'bullmq', 'ioredis', 'jsonata'],
  poweredByHeader: false,
  // SSE must not be gzip-buffered (events would arrive in bursts); see app/api/stream.
  compress: false,
};

export default config;
