import { resourceEntityV1alpha1Validator } from '@backstage/catalog-model';
import { cloudflareEntityName } from '@cloudflare-backstage/plugin-cloudflare-common';
import { toBindingInput } from '../lib/reader';
import { CloudflareMapperContext } from './types';
import {
  CLOUDFLARE_RELATED_BINDING_TYPES,
  bindingTarget,
  mapWorker,
} from './workers';

const ACCOUNT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const ctx: CloudflareMapperContext = {
  accountId: ACCOUNT,
  multiAccount: false,
  ownership: [{ owner: 'group:default/platform' }],
};

/** Bindings as the client returns them (values already withheld where they are credentials). */
const CLIENT_BINDINGS = [
  { type: 'kv_namespace', name: 'CACHE', namespace_id: 'kv-id-1' },
  { type: 'd1', name: 'DB', id: 'd1-uuid-1' },
  { type: 'r2_bucket', name: 'ARTIFACTS', bucket_name: 'acme-prod-artifacts' },
  { type: 'queue', name: 'EVENTS', queue_name: 'acme-events' },
  {
    type: 'durable_object_namespace',
    name: 'SESSIONS',
    class_name: 'SessionCoordinator',
    script_name: 'acme-session',
  },
  { type: 'hyperdrive', name: 'HYPERDRIVE', id: 'hd-id-1' },
  { type: 'vectorize', name: 'VECTORS', index_name: 'acme-idx-main' },
  { type: 'analytics_engine', name: 'ANALYTICS', dataset: 'acme_analytics' },
  {
    type: 'secrets_store_secret',
    name: 'STRIPE_SECRET',
    store_id: 'store-id-1',
    secret_name: 'STRIPE_SECRET_KEY',
  },
  { type: 'secret_text', name: 'SESSION_SIGNING_KEY' },
  { type: 'plain_text', name: 'LOG_LEVEL', text: 'info' },
  { type: 'json', name: 'CONFIG', json: { a: 1 } },
  { type: 'service', name: 'AUTH', service: 'acme-auth' },
  { type: 'kv_namespace', name: 'BROKEN', namespace_id: null },
];

describe('mapWorker', () => {
  it('turns every related binding into a dependsOn ref named like the target area names it', () => {
    const names: Record<string, string> = {
      'kv:kv-id-1': 'acme-cache',
      'd1:d1-uuid-1': 'acme-core',
    };
    const { entity } = mapWorker(
      { scriptName: 'acme-api', bindings: CLIENT_BINDINGS.map(toBindingInput) },
      { ...ctx, resolveName: (area, id) => names[`${area}:${id}`] },
    );
    expect(entity.spec!.dependsOn).toEqual(
      [
        cloudflareEntityName('analyticsEngine', 'acme_analytics'),
        cloudflareEntityName('d1', 'acme-core'),
        cloudflareEntityName('durableObjects', 'SessionCoordinator'),
        cloudflareEntityName('hyperdrive', 'hd-id-1'),
        cloudflareEntityName('kv', 'acme-cache'),
        cloudflareEntityName('queues', 'acme-events'),
        cloudflareEntityName('r2', 'acme-prod-artifacts'),
        cloudflareEntityName('secretsStore', 'store-id-1'),
        cloudflareEntityName('vectorize', 'acme-idx-main'),
      ].map(n => `resource:default/${n.toLocaleLowerCase('en-US')}`),
    );
    const json = JSON.stringify(entity);
    expect(json).not.toContain('STRIPE');
    expect(json).not.toContain('SESSION_SIGNING_KEY');
    expect(json).not.toContain('LOG_LEVEL');
  });

  it('follows exactly the binding types of the brief', () => {
    expect([...CLOUDFLARE_RELATED_BINDING_TYPES].sort()).toEqual(
      [
        'analytics_engine',
        'd1',
        'durable_object_namespace',
        'hyperdrive',
        'kv_namespace',
        'queue',
        'r2_bucket',
        'secrets_store_secret',
        'vectorize',
      ].sort(),
    );
    expect(
      bindingTarget({ type: 'kv_namespace', name: 'X' }, ctx),
    ).toBeUndefined();
    expect(
      bindingTarget({ type: 'mtls_certificate', name: 'X' }, ctx),
    ).toBeUndefined();
  });

  it('leaves out dependsOn, handlers and lastDeployment when there are none', async () => {
    const { entity, locationKey } = mapWorker(
      { scriptName: 'bare', bindings: [], handlers: [] },
      ctx,
    );
    expect(locationKey).toBe(`cloudflare:${ACCOUNT}`);
    expect(entity.spec).toEqual({
      type: 'cloudflare-worker',
      owner: 'group:default/platform',
      parameters: { accountId: ACCOUNT, scriptName: 'bare' },
    });
    await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
      true,
    );
  });

  it('keeps only valid tags and titles entities whose name was changed', async () => {
    const { entity } = mapWorker(
      {
        scriptName: 'Acme API (v2)',
        bindings: [],
        tags: ['team:platform', 'Has Space', 'TIER:1', 'team:platform'],
      },
      ctx,
    );
    expect(entity.metadata.tags).toEqual([
      'cloudflare',
      'worker',
      'team:platform',
      'tier:1',
    ]);
    expect(entity.metadata.name).toMatch(/^cf-worker-Acme-API-v2-[0-9a-f]{8}$/);
    expect(entity.metadata.title).toBe('Acme API (v2)');
    await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
      true,
    );
  });

  it('hashes binding targets with the account when several accounts are read', () => {
    const multi = { ...ctx, multiAccount: true };
    const { entity } = mapWorker(
      {
        scriptName: 'acme-api',
        bindings: [{ type: 'queue', name: 'Q', queueName: 'acme-events' }],
      },
      multi,
    );
    expect(entity.metadata.name).toBe(
      cloudflareEntityName('workers', 'acme-api', ACCOUNT),
    );
    expect(entity.spec!.dependsOn).toEqual([
      `resource:default/${cloudflareEntityName(
        'queues',
        'acme-events',
        ACCOUNT,
      )}`,
    ]);
  });
});
