import { createHash } from 'node:crypto';
import { MASKED } from '@cloudflare-backstage/plugin-cloudflare-common';
import { DemoAccountServer } from '@cloudflare-backstage/cloudflare-demo-account';
import { Answer, DemoUser, recorder } from '../demo/demoBackend';

/** Ids of the demo account's storage resources that the routes take. */
export function storageIds(account: DemoAccountServer) {
  const { kv, d1 } = account.state.data;
  const kvId = (title: string) =>
    kv.namespaces.find(n => n.title === title)!.id;
  return {
    /** acme-cache: 2,500 keys, three pages of the keys listing. */
    cache: kvId('acme-cache'),
    /** acme-config: credential-like key names. */
    config: kvId('acme-config'),
    /** acme-core: the D1 database of acme-api. */
    core: d1.databases.find(d => d.name === 'acme-core')!.uuid,
  };
}

type Call = ReturnType<typeof recorder>['call'];
type Tokens = Record<DemoUser, string>;
type Ids = ReturnType<typeof storageIds>;
const json = (a: Answer) => JSON.parse(a.body);

/**
 * KV as the demo account holds it: five namespaces with their key counts and tags, acme-cache's
 * 2,500 keys in three pages by Cloudflare's cursor, and acme-config's credential-like key names
 * masked, unmasked for security only. Read as eve (engineering).
 */
export async function expectKvAnswers(
  call: Call,
  tokens: Tokens,
  ids: Ids,
  cf: string,
) {
  const token = tokens.eve;
  const namespaces = json(await call(`GET ${cf}/kv/namespaces`, token));
  expect(namespaces).toMatchObject({ area: 'kv', view: 'masked' });
  expect(namespaces.items.map((n: any) => n.keysApprox)).toEqual([
    2500, 41, 5, 2, 1,
  ]);
  expect(
    namespaces.items.find((n: any) => n.title === 'acme-sessions').tags.pii,
  ).toBe('true');

  // acme-cache's 2,500 keys in three pages, by Cloudflare's cursor.
  const names = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = json(
      await call(
        `GET ${cf}/kv/${ids.cache}/keys?limit=1000${
          cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
        }`,
        token,
      ),
    );
    page.items.forEach((k: { name: string }) => names.add(k.name));
    cursor = page.cursor;
    pages += 1;
  } while (cursor && pages < 10);
  expect({ pages, keys: names.size }).toEqual({ pages: 3, keys: 2500 });

  // Credential-like key names: masked for everyone, shown unmasked to security only.
  const sample = json(await call(`GET ${cf}/kv/${ids.config}/sample`, token));
  expect(sample.items).toContainEqual(
    expect.objectContaining({
      credentialName: MASKED,
      redaction: 'credential-key-name',
    }),
  );
  expect(sample.masked.credentialName).toBeGreaterThanOrEqual(1);
  expect(sample.items.every((k: any) => k.valueRead === false)).toBe(true);
  const unmasked = json(
    await call(`GET ${cf}/kv/${ids.config}/sample?view=unmasked`, tokens.alice),
  );
  expect(unmasked.items.map((k: any) => k.credentialName)).toContain(
    'stripe_api_key',
  );
  expect(unmasked.masked).toEqual({});
}

/** D1: the databases, and acme-core's metadata with its Time Travel bookmark. Read as eve. */
export async function expectD1Answers(
  call: Call,
  tokens: Tokens,
  ids: Ids,
  cf: string,
) {
  const token = tokens.eve;
  const databases = json(await call(`GET ${cf}/d1/databases`, token));
  expect(databases.items.map((d: any) => d.name)).toContain('acme-core');
  const core = json(await call(`GET ${cf}/d1/${ids.core}/metadata`, token));
  expect(core.item).toMatchObject({
    uuid: ids.core,
    name: 'acme-core',
    version: 'production',
    fileSize: expect.any(Number),
    bookmark: expect.stringMatching(/^[0-9a-f-]+$/),
  });
}

/**
 * R2: six buckets in three jurisdictions, acme-prod-artifacts' lifecycle and lock rules, and a
 * bucket outside the default jurisdiction read where it lives. Read as eve.
 */
export async function expectR2Answers(call: Call, tokens: Tokens, cf: string) {
  const token = tokens.eve;
  const buckets = json(await call(`GET ${cf}/r2/buckets`, token));
  expect(buckets).toMatchObject({ area: 'r2' });
  expect(buckets.items).toHaveLength(6);
  expect(buckets.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        name: 'acme-eu-customer-data',
        jurisdiction: 'eu',
      }),
      expect.objectContaining({
        name: 'acme-fedramp-ledger',
        jurisdiction: 'fedramp',
      }),
    ]),
  );
  const lifecycle = json(
    await call(`GET ${cf}/r2/acme-prod-artifacts/lifecycle`, token),
  );
  expect(lifecycle.item.rules[0]).toMatchObject({
    enabled: true,
    expiration: { afterDays: 180 },
    transitions: [{ afterDays: 30, storageClass: 'InfrequentAccess' }],
    abortMultipartAfterDays: 7,
  });
  expect(lifecycle.item.lockRules[0]).toMatchObject({
    id: 'evidence-lock',
    days: 365,
  });
  const eu = `${cf}/r2/acme-eu-customer-data/lifecycle`;
  expect((await call(`GET ${eu}?jurisdiction=eu`, token)).status).toBe(200);
}

const SHA256_HEADER = 'x-cloudflare-evidence-sha256';
const sha256 = (text: string) =>
  createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

/**
 * The R2 lifecycle as evidence: the export's file hashes to the stated SHA-256, is listed, downloads
 * byte for byte and verifies; the spec's one-bucket form needs `X-Requested-With` and the export
 * permission.
 */
export async function expectR2LifecycleEvidence(
  call: Call,
  tokens: Tokens,
  cf: string,
) {
  const created = await call(
    `POST ${cf}/r2/lifecycle/export?download=json`,
    tokens.pat,
  );
  expect(created.status).toBe(200);
  const stated = created.headers.get(SHA256_HEADER);
  expect(sha256(created.body)).toBe(stated);
  const doc = json(created);
  expect(doc).toMatchObject({
    kind: 'r2-lifecycle',
    population: { count: 6, exhausted: true },
    collector: { userEntityRef: 'user:default/pat' },
  });
  const regulated = doc.data.buckets.find(
    (b: any) => b.bucket === 'acme-regulated-exports',
  );
  expect(regulated.rules).toEqual([]);

  const list = json(
    await call(`GET ${cf}/evidence?kind=r2-lifecycle`, tokens.pat),
  );
  const record = list.items.find((r: any) => r.sha256 === stated);
  expect(record).toBeDefined();
  const download = await call(
    `GET ${cf}/evidence/${record.id}/download`,
    tokens.pat,
  );
  expect(download.body).toBe(created.body);
  const verify = json(
    await call(`GET ${cf}/evidence/${record.id}/verify`, tokens.pat),
  );
  expect(verify).toMatchObject({ valid: true, chain: { valid: true } });

  // The spec's form: GET .../:bucket/lifecycle/export?download=json, one bucket, only with X-Requested-With.
  const alias = `${cf}/r2/acme-prod-artifacts/lifecycle/export?download=json`;
  const one = await call(`GET ${alias}`, tokens.alice, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(one.status).toBe(200);
  expect(sha256(one.body)).toBe(one.headers.get(SHA256_HEADER));
  expect(json(one)).toMatchObject({
    scope: { bucket: 'acme-prod-artifacts' },
    population: { count: 1 },
  });
  expect((await call(`GET ${alias}`, tokens.alice)).status).toBe(400);
  expect(
    (
      await call(`GET ${alias}`, tokens.eve, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      })
    ).status,
  ).toBe(403);
}

/**
 * KV, D1 and R2 in the catalog: every namespace, database and bucket (jurisdictions' names hashed),
 * tag labels, TTL policies and owners from Cloudflare's tags, and the example Component and its
 * Worker depending on their storage. Read as `token`'s user.
 */
export async function expectStorageEntities(
  call: Call,
  token: string,
  account: DemoAccountServer,
) {
  const query = ['cloudflare-kv', 'cloudflare-d1', 'cloudflare-r2']
    .map(t => `filter=kind=resource,spec.type=${t}`)
    .join('&');
  const { items } = json(
    await call(`GET /api/catalog/entities/by-query?${query}&limit=200`, token),
  );
  const byName = new Map<string, any>(
    items.map((e: any) => [e.metadata.name, e]),
  );
  const named = (prefix: string) =>
    [...byName.keys()].filter(n => n.startsWith(prefix)).sort();
  expect(named('cf-kv-')).toEqual([
    'cf-kv-acme-cache',
    'cf-kv-acme-config',
    'cf-kv-acme-eu-profiles',
    'cf-kv-acme-feature-flags',
    'cf-kv-acme-sessions',
  ]);
  expect(named('cf-d1-')).toHaveLength(account.state.data.d1.databases.length);
  expect(named('cf-r2-')).toEqual([
    'cf-r2-acme-logs-archive',
    'cf-r2-acme-prod-artifacts',
    'cf-r2-acme-regulated-exports',
    'cf-r2-acme-static-assets',
    expect.stringMatching(/^cf-r2-eu-acme-eu-customer-data-[0-9a-f]{8}$/),
    expect.stringMatching(/^cf-r2-fedramp-acme-fedramp-ledger-[0-9a-f]{8}$/),
  ]);
  const sessions = byName.get('cf-kv-acme-sessions');
  expect(sessions.metadata.labels['cloudflare.com/tag-pii']).toBe('true');
  expect(sessions.spec.parameters.ttlPolicy).toBe(true);
  expect(byName.get('cf-kv-acme-eu-profiles').spec.parameters.ttlPolicy).toBe(
    false,
  );
  expect(byName.get('cf-d1-acme-core').spec.parameters.uuid).toBe(
    storageIds(account).core,
  );
  // Cloudflare's backstage-owner tag gives the owner (app-config.yaml's ownership rules).
  expect(sessions.spec.owner).toBe('group:default/engineering');
  expect(byName.get('cf-r2-acme-regulated-exports').spec.owner).toBe(
    'group:default/security',
  );

  // A Worker's bindings and a Component's annotations meet at the same entities.
  const storageRefs = [
    'resource:default/cf-kv-acme-cache',
    'resource:default/cf-d1-acme-core',
    'resource:default/cf-r2-acme-prod-artifacts',
  ];
  for (const ref of [
    'component/default/acme-api',
    'resource/default/cf-worker-acme-api',
  ]) {
    const entity = json(
      await call(`GET /api/catalog/entities/by-name/${ref}`, token),
    );
    const dependsOn = entity.relations
      .filter((r: any) => r.type === 'dependsOn')
      .map((r: any) => r.targetRef);
    expect({ ref, dependsOn }).toEqual({
      ref,
      dependsOn: expect.arrayContaining(storageRefs),
    });
  }
}
