/*
 * The demo Backstage backend: the suite's plugins against the built-in demo Cloudflare account.
 *
 * The Cloudflare lines are the ones an administrator adds to an existing Backstage (see README.md).
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Auth, with guest sign-in for the demo (https://backstage.io/docs/auth/guest/provider)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Permissions: the suite's example policy (the spec's group matrix) instead of allow-all
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import(
    '@cloudflare-backstage/plugin-permission-backend-module-cloudflare-policy'
  ),
);

// Actions registry (MCP)
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Tech Insights (community) with JSON-rules checks
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);

// Cloudflare suite
backend.add(import('@cloudflare-backstage/plugin-cloudflare-backend'));

backend.start();
