/*
 * The demo Backstage backend: the suite's plugins against the built-in demo Cloudflare account.
 *
 * Trimmed from the create-app template to what the suite needs. The Cloudflare lines are the ones an
 * administrator adds to an existing Backstage (see README.md). Storage is SQLite in memory
 * (app-config.yaml); app-config.production.yaml switches to PostgreSQL and a Redis cache.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Auth, with guest sign-in for the demo (https://backstage.io/docs/auth/guest/provider):
// the guest is user:default/$DEMO_USER (`guest` by default, see app-config.yaml).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog: examples/ (acme-org's Components, groups and users)
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Cloudflare resources as Resource entities, and Component -> Resource relations
backend.add(
  import('@cloudflare-backstage/plugin-catalog-backend-module-cloudflare'),
);

// Permissions: the suite's example policy (the spec's group matrix, section 5; the create-app
// template's allow-all policy module is not installed here).
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import(
    '@cloudflare-backstage/plugin-permission-backend-module-cloudflare-policy'
  ),
);

// Signals (live updates for the app)
backend.add(import('@backstage/plugin-signals-backend'));

// Actions registry (MCP): the catalog's and the suite's actions, with the caller's permissions
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Tech Insights (community) with JSON-rules checks
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);
// The suite's SOC 2 fact retrievers and checks
backend.add(
  import(
    '@cloudflare-backstage/plugin-tech-insights-backend-module-cloudflare'
  ),
);

// TechDocs: the suite's runbooks (mkdocs.yml at the repository root), built locally with mkdocs
backend.add(import('@backstage/plugin-techdocs-backend'));

// Cloudflare suite: /api/cloudflare (permission-gated, cached, masked reads; evidence snapshots)
backend.add(import('@cloudflare-backstage/plugin-cloudflare-backend'));

backend.start();
