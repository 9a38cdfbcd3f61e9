import type { NextConfig } from 'next';

// Security headers for every answer. Next's App Router streams its data in inline <script> tags
// (and the theme script runs inline before paint), so script-src needs 'unsafe-inline' until we
// switch to per-request nonces; React Flow and Tailwind set inline styles. The dev server also
// evaluates code ('unsafe-eval') and hot-reloads over a WebSocket. No form-action: OAuth sign-in
// posts to next-auth, which redirects to the provider, and browsers apply form-action to that.
const dev = process.env.NODE_ENV === 'development';
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');
const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

const config: NextConfig = {
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // HSTS only when a TLS-terminating proxy says the request came over https: sent over plain
      // http (a LAN install) it would be ignored at best and lock people out at worst.
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000' }],
      },
    ];
  },
  // Node-only packages stay out of the bundle: pg and the Prisma adapter load native-ish code,
  // bullmq/ioredis keep connection state that must not be duplicated per chunk.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'bullmq', 'ioredis', 'jsonata'],
  poweredByHeader: false,
  // SSE must not be gzip-buffered (events would arrive in bursts); see app/api/stream.
  compress: false,
};

export default config;
