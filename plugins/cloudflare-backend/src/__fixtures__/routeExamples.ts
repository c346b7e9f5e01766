export type { InvalidInput, RouteExample } from './routeExampleTypes';
import { AE_REFUSED, AE_SINCE } from './analyticsEngineQueries';
import { Examples, query } from './routeExampleTypes';

/** `acme-config`: credential-like key names, a token-shaped value, a secret in key metadata. */
export const KV_CONFIG = '1b2c3d4e5f6a47b8c9d0e1f2a3b4c5d6';
/** `acme-cache`: 2,500 keys (three pages of 1,000). */
export const KV_CACHE = '9a8b7c6d5e4f40312a1b0c9d8e7f6a5b';
/** `acme-sessions`: a session token in a key name. */
export const KV_SESSIONS = '2c3d4e5f6a7b48c9d0e1f2a3b4c5d6e7';
const KV_NAMESPACES = [
  { namespace: KV_CONFIG },
  { namespace: KV_SESSIONS },
  { namespace: KV_CACHE },
  { namespace: '3d4e5f6a7b8c49d0e1f2a3b4c5d6e7f8' },
  { namespace: '4e5f6a7b8c9d40e1f2a3b4c5d6e7f8a9' },
] as const;
const KV_MISSING = {
  params: { namespace: '0'.repeat(32) },
  what: `KV namespace '${'0'.repeat(32)}'`,
};
/** `acme-core`. */
export const D1_CORE = 'e7c1a9b2-4d3f-4e5a-9b8c-7d6e5f4a3b2c';
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

const AI_GATEWAY_MISSING = {
  params: { name: 'no-such-gateway' },
  what: "AI gateway 'no-such-gateway'",
};
const AI_GATEWAY_BAD_NAMES = ['Acme', '-acme', 'a'.repeat(65), 'acme.gw'].map(
  name => ({ params: { name }, message: /path: name/ }),
);
/** `acme-account-secrets`: 24 secrets, one over-sharing its value, one with a token in its comment. */
export const SECRETS_STORE_ACME = '8f7e6d5c4b3a49281706f5e4d3c2b1a0';

/**
 * Inputs of every route contract, for the generic route test (`areas/index.test.ts`). Typed by
 * `CLOUDFLARE_CONTRACTS`, so a route without examples fails `yarn tsc`.
 */
export const ROUTE_EXAMPLES = {
  workers: {
    deployments: {
      params: [{ script: 'acme-api' }],
      missing: { params: { script: 'nope' }, what: "Worker script 'nope'" },
      invalid: ['ACME_API', '-x', 'a'.repeat(64)].map(script => ({
        params: { script },
        message: /path: script/,
      })),
    },
  },
  pages: {
    deployments: {
      params: [{ project: 'acme-web' }],
      missing: { params: { project: 'nope' }, what: "Pages project 'nope'" },
      invalid: ['acme-', 'acme_web'].map(project => ({
        params: { project },
        message: /path: project/,
      })),
    },
  },
  zeroTrust: {
    users: { params: [{}] },
    accessAudit: {
      params: [{}],
      invalid: [
        ...query('from', ['yesterday', '2026-02-30']),
        {
          query: 'from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z',
          message: /from must not be after to/,
        },
        { query: 'limit=1000000', message: /limit: must be at most 1000/ },
        { query: 'limit=0', message: /limit: must be at least 1/ },
        ...query('limit', ['1.5', 'abc', '1&limit=2']),
        ...query('actor', ["x'%20OR%20'1'='1"]),
        { query: 'actor[$ne]=x', message: /actor/ },
        ...query('action', ['%3Cscript%3Ealert(1)%3C/script%3E']),
        ...query('target', ['..%2F..%2Fetc%2Fpasswd', 'a;DROP%20TABLE%20x']),
        ...query('cursor', ['%00%01']),
      ],
    },
  },
  kv: {
    namespaces: { params: [{}] },
    keys: {
      params: [...KV_NAMESPACES],
      missing: KV_MISSING,
      invalid: [
        ...['9a8b', `${KV_CACHE}0`].map(namespace => ({
          params: { namespace },
          message: /path: namespace/,
        })),
        ...['9', '1001', '1.5', 'x', '10&limit=20'].map(v => ({
          query: `limit=${v}`,
          message: /query: limit/,
        })),
        ...['%00', 'a'.repeat(1025)].map(v => ({
          query: `cursor=${v}`,
          message: /query: cursor/,
        })),
        { query: `prefix=${'p'.repeat(513)}`, message: /query: prefix/ },
      ],
    },
    sample: {
      params: [...KV_NAMESPACES],
      missing: KV_MISSING,
      invalid: ['0', '51'].map(v => ({
        query: `limit=${v}`,
        message: /query: limit/,
      })),
    },
  },
  d1: {
    databases: { params: [{}] },
    metadata: {
      params: [{ db: D1_CORE }],
      missing: {
        params: { db: UNKNOWN_UUID },
        what: `D1 database '${UNKNOWN_UUID}'`,
      },
      invalid: ['acme-core', D1_CORE.toUpperCase(), `${D1_CORE}x`].map(db => ({
        params: { db },
        message: /path: db/,
      })),
    },
  },
  r2: {
    buckets: { params: [{}] },
    lifecycle: {
      params: [
        { bucket: 'acme-prod-artifacts' },
        { bucket: 'acme-static-assets' },
      ],
      missing: {
        params: { bucket: 'no-such-bucket' },
        what: "R2 bucket 'no-such-bucket' (jurisdiction default)",
      },
      invalid: [
        ...['ab', '-acme', 'a'.repeat(64), 'acme_bucket'].map(bucket => ({
          params: { bucket },
          message: /path: bucket/,
        })),
        ...['mars', 'EU', 'eu&jurisdiction=default', '[a]=eu'].map(v => ({
          query: v.startsWith('[') ? `jurisdiction${v}` : `jurisdiction=${v}`,
          message: /query: jurisdiction/,
        })),
      ],
    },
  },
  vectorize: {
    indexes: { params: [{}] },
    stats: {
      params: [
        { index: 'acme-idx-main' },
        { index: 'acme-idx-support' },
        { index: 'acme-idx-experiments' },
      ],
      missing: {
        params: { index: 'no-such-index' },
        what: "Vectorize index 'no-such-index'",
      },
      invalid: ['Acme-idx', '1-idx', 'acme_idx', 'a'.repeat(33)].map(index => ({
        params: { index },
        message: /path: index/,
      })),
    },
  },
  analyticsEngine: {
    datasets: { params: [{}] },
    query: {
      params: [{ dataset: 'acme_analytics' }],
      missing: {
        params: { dataset: 'nope' },
        what: "Analytics Engine dataset 'nope'",
        body: { sql: `SELECT count() AS n FROM nope ${AE_SINCE}` },
      },
      body: {
        sql: `SELECT timestamp, blob1 AS path, blob4, double1 FROM acme_analytics ${AE_SINCE} LIMIT 20`,
      },
      invalid: [
        ...AE_REFUSED.map(([sql, reason]) => ({
          body: { sql },
          message: new RegExp(`^Invalid body: sql: .*${reason}`),
        })),
        {
          body: { sql: `SELECT 1 ${'x'.repeat(12 * 1024 * 1024)}` },
          message: /body: larger than 64 kB/,
        },
        { body: { sql: 'S'.repeat(10_241) }, message: /sql: must be at most/ },
        { body: {}, message: /body: sql/ },
        { body: { sql: 1 }, message: /body: sql: must be a string/ },
        { body: { sql: 'SELECT 1', admin: true }, message: /body: .*admin/ },
        { body: 'SELECT 1', message: /body/ },
      ],
    },
  },
  aiGateway: {
    gateways: { params: [{}] },
    config: {
      params: [
        { name: 'acme-ai-gateway' },
        { name: 'acme-support-bot' },
        { name: 'acme-playground' },
      ],
      missing: AI_GATEWAY_MISSING,
      invalid: AI_GATEWAY_BAD_NAMES,
    },
    metrics: {
      params: [{ name: 'acme-ai-gateway' }, { name: 'acme-playground' }],
      missing: AI_GATEWAY_MISSING,
      invalid: [
        ...AI_GATEWAY_BAD_NAMES,
        ...['0', '501', '1.5', 'x', '10&limit=20'].map(v => ({
          query: `limit=${v}`,
          message: /query: limit/,
        })),
      ],
    },
  },
  hyperdrive: {
    configs: { params: [{}] },
  },
  browserRendering: {
    pools: {
      params: [{}],
      invalid: [
        ...['0', '101', '1.5', 'x'].map(v => ({
          query: `limit=${v}`,
          message: /query: limit/,
        })),
        ...['-1', 'abc', '1234567'].map(v => ({
          query: `cursor=${v}`,
          message: /query: cursor/,
        })),
      ],
    },
    quotas: { params: [{}] },
  },
  containers: {
    services: { params: [{}] },
    status: {
      params: [{ service: 'acme-containers' }, { service: 'acme-renderer' }],
      missing: {
        params: { service: 'nope' },
        what: "Container application 'nope'",
      },
      invalid: ['-acme', 'Acme-Renderer', 'acme.renderer', 'a'.repeat(65)].map(
        service => ({ params: { service }, message: /path: service/ }),
      ),
    },
  },
  secretsStore: {
    stores: { params: [{}] },
    metadata: {
      params: [{ store: SECRETS_STORE_ACME }],
      missing: {
        params: { store: '0'.repeat(32) },
        what: `Secrets Store '${'0'.repeat(32)}'`,
      },
      invalid: [
        'acme-account-secrets',
        SECRETS_STORE_ACME.toUpperCase(),
        `${SECRETS_STORE_ACME}0`,
      ].map(store => ({ params: { store }, message: /path: store/ })),
    },
  },
  workflows: {
    workflows: {
      params: [{}],
      invalid: [
        ...['0', '26', '1.5', 'x'].map(v => ({
          query: `limit=${v}`,
          message: /query: limit/,
        })),
        ...['0', 'abc', '%00', '1234567'].map(v => ({
          query: `cursor=${v}`,
          message: /query: cursor/,
        })),
      ],
    },
    runs: {
      params: [
        { name: 'acme-etl' },
        { name: 'acme-onboarding' },
        { name: 'acme-nightly-report' },
      ],
      missing: { params: { name: 'nope' }, what: "Workflow 'nope'" },
      invalid: [
        ...['-etl', 'acme.etl', 'a'.repeat(65)].map(name => ({
          params: { name },
          message: /path: name/,
        })),
        ...query('from', ['yesterday', '2026-02-30']),
        {
          query: 'from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z',
          message: /from must not be after to/,
        },
        ...['0', '26', 'x'].map(v => ({
          query: `limit=${v}`,
          message: /query: limit/,
        })),
      ],
    },
  },
  queues: {
    queues: { params: [{}] },
    metrics: {
      params: [
        { name: 'acme-events' },
        { name: 'acme-email-outbound' },
        { name: 'acme-audit-eu' },
      ],
      missing: {
        params: { name: 'no-such-queue' },
        what: "Queue 'no-such-queue'",
      },
      invalid: ['-acme', 'acme_events', 'a'.repeat(64)].map(name => ({
        params: { name },
        message: /path: name/,
      })),
    },
  },
  aiSearch: {
    indexes: { params: [{}] },
    health: {
      params: [{ index: 'acme-site-index' }, { index: 'acme-docs-search' }],
      missing: {
        params: { index: 'no-such-index' },
        what: "AI Search instance 'no-such-index' (namespace default)",
      },
      invalid: [
        ...['-acme', 'acme.docs', 'a'.repeat(65)].map(index => ({
          params: { index },
          message: /path: index/,
        })),
        ...['Support', 'a%20b', '-x', 'support&namespace=default'].map(v => ({
          query: `namespace=${v}`,
          message: /query: namespace/,
        })),
      ],
    },
  },
  durableObjects: {
    classes: { params: [{}] },
    metrics: {
      params: [
        { class: 'SessionCoordinator' },
        { class: 'RateLimiter' },
        { class: 'ChatRoom' },
      ],
      validPathValues: ['ACME'],
      missing: {
        params: { class: 'NoSuchClass' },
        what: "Durable Object class 'NoSuchClass'",
      },
      invalid: ['session-coordinator', '1Session', 'a'.repeat(129)].map(c => ({
        params: { class: c },
        message: /path: class/,
      })),
    },
  },
} satisfies Examples;

/**
 * Upstream calls the suite must never make (the reference's list, for the areas with routes): they
 * return secret values, stored data or code, or change state. Matched against the demo account's
 * call counts (`GET /accounts/:account_id/...`).
 */
export const FORBIDDEN_CALLS: RegExp[] = [
  /\/workers\/scripts\/:script_name$/,
  /\/content\/v2|\/tails/,
  /\/values\/|\/bulk\/get/,
  /\/d1\/database\/:database_id\/(query|raw|export|import|time_travel\/restore)/,
  /\/r2\/buckets\/:bucket_name\/objects/,
  /\/workflows\/:workflow_name\/instances\/:instance_id\/step/,
  /\/vectorize\/v2\/indexes\/:index_name\/(get_by_ids|query|list)$/,
  /\/ai-gateway\/gateways\/:gateway_id\/logs\/:[a-z_]+\/(request|response)/,
  /\/queues\/:queue_id\/messages\/(peek|pull|ack|purge)$|^POST .*\/queues\/:queue_id\/purge$/,
  /\/ai-search\/.*\/(items|chunks|search$|chat\/completions)/,
  /\/containers\/registries\/:[a-z_]+\/credentials/,
];
