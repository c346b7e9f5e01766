import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { DEMO_MAP_CONTEXT, demoClient, demoState } from '../__testUtils__/demo';
import { kvArea } from './kv';

const SESSIONS = '2c3d4e5f6a7b48c9d0e1f2a3b4c5d6e7';
const EU_PROFILES = '4e5f6a7b8c9d40e1f2a3b4c5d6e7f8a9';

/** The run: its tags read once, then the KV read with them. */
async function readKv(state = demoState()) {
  const client = demoClient(state);
  const tags = await client.tags.list();
  state.resetCalls();
  const read = await kvArea.read(client, undefined, { tags });
  return { state, client, tags, read };
}

describe('kvArea', () => {
  it('reads namespaces and their keys (count and TTL sample from the same pages), and no tags', async () => {
    const { state, read } = await readKv();
    const calls = state.callCounts();
    expect(calls).toEqual({
      'GET /accounts/:account_id/storage/kv/namespaces': 2,
      // one page of 1,000 each, and two more for acme-cache's 2,500 keys: the first page's first
      // 50 keys are the sample
      'GET /accounts/:account_id/storage/kv/namespaces/:namespace_id/keys': 7,
    });
    expect(read.map(r => [r.namespace.title, r.ttl])).toEqual([
      ['acme-cache', { sampled: 50, expiring: 50 }],
      ['acme-sessions', { sampled: 41, expiring: 41 }],
      ['acme-config', { sampled: 5, expiring: 0 }],
      ['acme-feature-flags', { sampled: 2, expiring: 0 }],
      ['acme-eu-profiles', { sampled: 1, expiring: 0 }],
    ]);
  });

  it('maps each namespace to cf-kv-<title> with its id, key count, TTL policy and tag labels', async () => {
    const { tags, read } = await readKv();
    const entities = kvArea.map(read, { ...DEMO_MAP_CONTEXT, tags });
    const byName = Object.fromEntries(
      entities.map(e => [e.entity.metadata.name, e.entity]),
    );
    expect(Object.keys(byName)).toEqual([
      'cf-kv-acme-cache',
      'cf-kv-acme-sessions',
      'cf-kv-acme-config',
      'cf-kv-acme-feature-flags',
      'cf-kv-acme-eu-profiles',
    ]);
    const sessions = byName['cf-kv-acme-sessions'];
    expect(sessions.metadata).toMatchObject({
      labels: {
        'cloudflare.com/tag-pii': 'true',
        'cloudflare.com/tag-backstage-owner': 'engineering',
        'cloudflare.com/tag-backstage-system': 'acme-org',
      },
      tags: ['cloudflare', 'kv'],
      annotations: { 'cloudflare.com/resource-id': SESSIONS },
    });
    expect(sessions.spec).toEqual({
      type: 'cloudflare-kv',
      owner: 'group:default/platform',
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        namespaceId: SESSIONS,
        title: 'acme-sessions',
        keysApprox: 41,
        ttlPolicy: true,
        ttlSampledKeys: 41,
      },
    });
    const eu = byName['cf-kv-acme-eu-profiles'];
    expect(eu.metadata.labels).toEqual({ 'cloudflare.com/tag-pii': 'true' });
    expect(eu.metadata.tags).toEqual(['cloudflare', 'kv', 'eu']);
    expect(eu.spec!.parameters).toMatchObject({
      namespaceId: EU_PROFILES,
      jurisdiction: 'eu',
      ttlPolicy: false,
    });
    const json = JSON.stringify(entities);
    for (const canary of ALL_SECRET_CANARIES)
      expect(json).not.toContain(canary);
    expect(json).not.toContain('stripe_api_key');
  });

  it('indexes namespace ids to titles, for bindings and annotations', async () => {
    const { read } = await readKv();
    expect(new Map(kvArea.names!(read)).get(SESSIONS)).toBe('acme-sessions');
  });
});
