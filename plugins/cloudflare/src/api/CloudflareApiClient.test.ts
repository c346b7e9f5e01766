/**
 * @jest-environment node
 */
import { ResponseError } from '@backstage/errors';
import { CloudflareClient } from './CloudflareClient';

const discoveryApi = {
  getBaseUrl: jest.fn(async (id: string) => `http://backstage/api/${id}`),
};

function clientWith(...responses: Response[]) {
  const fetch = jest.fn();
  for (const r of responses) fetch.mockResolvedValueOnce(r);
  return {
    fetch,
    client: new CloudflareClient({ discoveryApi, fetchApi: { fetch } }),
  };
}

const json = (body: unknown, init?: ResponseInit) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
    ...init,
  });

describe('CloudflareClient', () => {
  it('lists Workers deployments and normalises them', async () => {
    const { client, fetch } = clientWith(
      json({
        items: [
          {
            id: 'd1',
            createdOn: '2026-11-20T10:00:00Z',
            versionId: 'v-123',
            environment: 'production',
            commitSha: 'abcdef1234567',
            commitUrl: 'https://github.com/acme/x/commit/abcdef1',
            ciRunUrl: 'https://github.com/acme/x/actions/runs/1',
          },
        ],
      }),
    );
    const list = await client.getWorkerDeployments('acme edge');
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage/api/cloudflare/v1/workers/acme%20edge/deployments',
      undefined,
    );
    expect(list).toEqual({
      name: 'acme edge',
      items: [
        expect.objectContaining({
          id: 'd1',
          version: 'v-123',
          environment: 'production',
          commitSha: 'abcdef1234567',
          ciRunUrl: 'https://github.com/acme/x/actions/runs/1',
        }),
      ],
    });
  });

  it('accepts Pages deployments under other keys and field names', async () => {
    const { client } = clientWith(
      json({
        deployments: [
          {
            id: 'p1',
            created_on: '2026-11-20T10:00:00Z',
            short_id: 'abc123',
            env: 'preview',
            metadata: { branch: 'main', commitSha: 'fff' },
            latestStage: { status: 'success' },
          },
        ],
      }),
    );
    const list = await client.getPagesDeployments('acme-web');
    expect(list.items[0]).toEqual(
      expect.objectContaining({
        id: 'p1',
        createdOn: '2026-11-20T10:00:00Z',
        version: 'abc123',
        environment: 'preview',
        branch: 'main',
        commitSha: 'fff',
        status: 'success',
      }),
    );
  });

  it('throws a ResponseError with the status on a non-OK answer', async () => {
    const { client } = clientWith(
      json(
        {
          error: { name: 'NotAllowedError', message: 'Unauthorized' },
          response: { statusCode: 403 },
        },
        { status: 403, statusText: 'Forbidden' },
      ),
    );
    const error: ResponseError = await client
      .getWorkerDeployments('acme-api')
      .then(
        () => {
          throw new Error('expected a rejection');
        },
        e => e,
      );
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.name).toBe('NotAllowedError');
  });

  it('reads Zero Trust users and the Access audit with filters', async () => {
    const { client, fetch } = clientWith(
      json({ items: [{ id: 'u1', email: 'a***@acme.test' }] }),
      json([
        {
          id: 'e1',
          ts: '2026-11-20T10:00:00Z',
          actor: { email: 'a***' },
          action: 'login',
          target: 'app',
        },
      ]),
    );
    expect(await client.getZeroTrustUsers()).toEqual([
      expect.objectContaining({ id: 'u1', email: 'a***@acme.test' }),
    ]);
    const page = await client.getAccessAudit({
      actor: 'a@acme.test',
      from: 'x',
      limit: 50,
    });
    expect(fetch.mock.calls[1][0]).toBe(
      'http://backstage/api/cloudflare/v1/zero-trust/access/audit?actor=a%40acme.test&from=x&limit=50',
    );
    expect(page.cursor).toBeUndefined();
    expect(page.events[0]).toEqual(
      expect.objectContaining({ id: 'e1', action: 'login', target: 'app' }),
    );
  });

  it('exports the Zero Trust audit as bytes with their hash and file name', async () => {
    const { client, fetch } = clientWith(
      new Response('{"a":1}', {
        headers: {
          'x-evidence-sha256': 'ab'.repeat(32),
          'x-evidence-id': 'ev-1',
          'content-disposition': 'attachment; filename="zt-2026.json"',
        },
      }),
    );
    const d = await client.exportZeroTrustAudit();
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backstage/api/cloudflare/v1/zero-trust/export/audit?download=json',
    );
    expect(d.sha256).toBe('ab'.repeat(32));
    expect(d.id).toBe('ev-1');
    expect(d.fileName).toBe('zt-2026.json');
    expect(await d.blob.text()).toBe('{"a":1}');
  });

  it('takes the hash from a Digest header and falls back on the file name', async () => {
    const hex = `${'00'.repeat(31)}ff`;
    const b64 = Buffer.from(hex, 'hex').toString('base64');
    const { client } = clientWith(
      new Response('x', { headers: { digest: `sha-256=${b64}` } }),
    );
    const d = await client.downloadEvidence('ev-2');
    expect(d.sha256).toBe(hex);
    expect(d.fileName).toBe('evidence-ev-2.json');
  });

  it('creates a provenance snapshot, lists and verifies evidence', async () => {
    const { client, fetch } = clientWith(
      json({
        snapshot: {
          id: 's1',
          kind: 'deployment-provenance',
          collectedAt: 't',
          sha256: 'h1',
          collector: { userRef: 'user:default/ann' },
        },
      }),
      json({
        items: [
          {
            id: 's1',
            kind: 'deployment-provenance',
            collectedAt: 't',
            hash: 'h1',
            collector: 'user:default/ann',
          },
        ],
      }),
      json({ ok: false, expectedSha256: 'h1', actualSha256: 'h2' }),
      json({ status: 'ok' }),
    );
    const created = await client.createDeploymentProvenanceSnapshot({
      workers: ['acme-api'],
    });
    expect(fetch.mock.calls[0][1]).toEqual(
      expect.objectContaining({ method: 'POST' }),
    );
    expect(JSON.parse(fetch.mock.calls[0][1].body)).toEqual({
      workers: ['acme-api'],
      pages: [],
    });
    expect(created).toEqual(
      expect.objectContaining({
        id: 's1',
        sha256: 'h1',
        collector: 'user:default/ann',
      }),
    );
    const list = await client.listEvidence();
    expect(list[0].sha256).toBe('h1');
    expect(await client.verifyEvidence('s1')).toEqual(
      expect.objectContaining({ id: 's1', ok: false, actualSha256: 'h2' }),
    );
    expect((await client.verifyEvidence('s1')).ok).toBe(true);
    expect(fetch.mock.calls[2][0]).toBe(
      'http://backstage/api/cloudflare/v1/evidence/s1/verify',
    );
  });

  it('reads the shapes the cloudflare-backend routes send', async () => {
    const uuid = '0b9c3f0e-4a5e-4d7a-9a53-3f4f4a1f2c11';
    const sha = 'c0'.repeat(32);
    const record = {
      id: uuid,
      seq: 3,
      kind: 'deployment-provenance',
      createdAt: '2026-11-23T08:00:00.000Z',
      createdBy: 'user:default/sec-lead',
      sha256: sha,
      prevSha256: 'b0'.repeat(32),
      chainSha256: 'd0'.repeat(32),
    };
    const { client } = clientWith(
      json({
        script: 'acme-api',
        view: 'masked',
        deployments: [{ id: 'd1', createdOn: 't' }],
      }),
      json({
        project: 'acme-web',
        view: 'masked',
        deployments: [{ id: 'p1', createdOn: 't' }],
      }),
      json({ view: 'masked', users: [{ id: 'u1', email: 'a***@acme.test' }] }),
      json({
        view: 'masked',
        filter: {},
        events: [
          { id: 'e1', ts: 't', actor: {}, action: 'login', target: 'x' },
        ],
        cursor: 'c2',
      }),
      json(record, { status: 201 }),
      json({ items: [record], nextBefore: 3 }),
      json({
        id: uuid,
        valid: false,
        document: {
          valid: false,
          storedSha256: sha,
          computedSha256: 'ee'.repeat(32),
        },
        chain: { valid: true, length: 3, headSha256: 'd0'.repeat(32) },
      }),
      new Response('{}', {
        headers: {
          'content-type': 'application/json',
          'content-disposition': `attachment; filename="cloudflare-evidence-zero-trust-audit-${uuid}.json"`,
          'x-cloudflare-evidence-sha256': sha,
          'content-digest': `sha-256=:${Buffer.from(sha, 'hex').toString(
            'base64',
          )}:`,
        },
      }),
      new Response('{}', {
        headers: {
          'content-digest': `sha-256=:${Buffer.from(sha, 'hex').toString(
            'base64',
          )}:`,
        },
      }),
    );
    expect((await client.getWorkerDeployments('acme-api')).items).toHaveLength(
      1,
    );
    expect((await client.getPagesDeployments('acme-web')).items).toHaveLength(
      1,
    );
    expect(await client.getZeroTrustUsers()).toHaveLength(1);
    const page = await client.getAccessAudit();
    expect(page.cursor).toBe('c2');
    expect(page.events).toHaveLength(1);
    expect(
      await client.createDeploymentProvenanceSnapshot({
        workers: ['acme-api'],
      }),
    ).toEqual(
      expect.objectContaining({
        id: uuid,
        sha256: sha,
        collectedAt: record.createdAt,
        collector: 'user:default/sec-lead',
        previousSha256: record.prevSha256,
      }),
    );
    expect((await client.listEvidence())[0].id).toBe(uuid);
    expect(await client.verifyEvidence(uuid)).toEqual({
      id: uuid,
      ok: false,
      expectedSha256: sha,
      actualSha256: 'ee'.repeat(32),
      chainOk: true,
      message: undefined,
    });
    const zt = await client.exportZeroTrustAudit();
    expect(zt).toEqual(
      expect.objectContaining({
        id: uuid,
        sha256: sha,
        fileName: `cloudflare-evidence-zero-trust-audit-${uuid}.json`,
      }),
    );
    expect((await client.downloadEvidence(uuid)).sha256).toBe(sha);
  });
});
