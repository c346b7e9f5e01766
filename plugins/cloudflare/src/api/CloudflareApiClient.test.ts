/**
 * @jest-environment node
 */
import { ResponseError } from '@backstage/errors';
import {
  analyticsEngineRoutes,
  workersRoutes,
  zeroTrustRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { workerDeployments, zeroTrustUsers } from '../__fixtures__/envelopes';
import { postureAcceptance } from '../__fixtures__/posture';
import { r2LifecycleDiff, R2_DIFF_IDS } from '../__fixtures__/evidenceDiff';
import { CloudflareApiClient } from './CloudflareApiClient';
import { CloudflareEvidenceRecord } from './types';

const discoveryApi = {
  getBaseUrl: jest.fn(async (id: string) => `http://backstage/api/${id}`),
};

function clientWith(...responses: Response[]) {
  const fetch = jest.fn();
  for (const r of responses) fetch.mockResolvedValueOnce(r);
  return {
    fetch,
    client: new CloudflareApiClient({ discoveryApi, fetchApi: { fetch } }),
  };
}

const json = (body: unknown, init?: ResponseInit) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
    ...init,
  });

const BASE = 'http://backstage/api/cloudflare';
const uuid = '0b9c3f0e-4a5e-4d7a-9a53-3f4f4a1f2c11';
const sha = 'c0'.repeat(32);
const record: CloudflareEvidenceRecord = {
  id: uuid,
  seq: 3,
  kind: 'deployment-provenance',
  createdAt: '2026-11-23T08:00:00.000Z',
  createdBy: 'user:default/sec-lead',
  sha256: sha,
  prevSha256: 'b0'.repeat(32),
  chainSha256: 'd0'.repeat(32),
};

describe('CloudflareApiClient', () => {
  it('reads a route by its contract and returns the envelope as sent', async () => {
    const { client, fetch } = clientWith(json(workerDeployments));
    const envelope = await client.read(workersRoutes.deployments, {
      params: { script: 'acme-edge-router' },
    });
    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/v1/workers/acme-edge-router/deployments?view=masked`,
      undefined,
    );
    expect(envelope).toEqual(workerDeployments);
  });

  it('encodes parameters and sends the view and the query', async () => {
    const { client, fetch } = clientWith(
      json(workerDeployments),
      json(zeroTrustUsers),
    );
    await client.read(workersRoutes.deployments, {
      params: { script: 'a b/c' },
      view: 'unmasked',
    });
    await client.read(zeroTrustRoutes.accessAudit, {
      query: { actor: 'a@acme.example', limit: 50, cursor: undefined },
    });
    expect(fetch.mock.calls[0][0]).toBe(
      `${BASE}/v1/workers/a%20b%2Fc/deployments?view=unmasked`,
    );
    expect(fetch.mock.calls[1][0]).toBe(
      `${BASE}/v1/zero-trust/access/audit?view=masked&actor=a%40acme.example&limit=50`,
    );
  });

  it("posts a POST route's JSON body, with the view in the query", async () => {
    const { client, fetch } = clientWith(json(workerDeployments));
    const sql =
      "SELECT count() FROM acme_analytics WHERE timestamp > NOW() - INTERVAL '1' DAY";
    await client.read(analyticsEngineRoutes.query, {
      params: { dataset: 'acme_analytics' },
      body: { sql },
    });
    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/v1/analytics-engine/acme_analytics/query?view=masked`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sql }),
      },
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
    const error = await client
      .read(zeroTrustRoutes.users)
      .catch((e: ResponseError) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).statusCode).toBe(403);
    expect((error as ResponseError).body.error.name).toBe('NotAllowedError');
  });

  it('names the account on reads and exports when given, and only then', async () => {
    const file = () =>
      new Response('{}', {
        headers: { 'content-disposition': 'attachment; filename="e.json"' },
      });
    const { client, fetch } = clientWith(
      json(workerDeployments),
      json(workerDeployments),
      file(),
      file(),
      json(record, { status: 201 }),
      file(),
      json(postureAcceptance),
    );
    await client.read(workersRoutes.deployments, {
      params: { script: 'acme-api' },
      account: 'acc 2',
    });
    await client.read(workersRoutes.deployments, {
      params: { script: 'acme-api' },
    });
    await client.exportZeroTrustAudit({ account: 'acc-2' });
    await client.exportR2Lifecycle({ bucket: 'logs' }, { account: 'acc-2' });
    await client.createDeploymentProvenanceSnapshot(
      { workers: ['acme-api'] },
      { account: 'acc-2' },
    );
    await client.downloadOscalAssessmentResults({ account: 'acc-2' });
    await client.getAcceptance({ account: 'acc-2' });
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      `${BASE}/v1/workers/acme-api/deployments?view=masked&account=acc+2`,
      `${BASE}/v1/workers/acme-api/deployments?view=masked`,
      `${BASE}/v1/zero-trust/export/audit?download=json&account=acc-2`,
      `${BASE}/v1/r2/lifecycle/export?download=json&bucket=logs&account=acc-2`,
      `${BASE}/v1/evidence/deployment-provenance?account=acc-2`,
      `${BASE}/v1/evidence/oscal?account=acc-2`,
      `${BASE}/v1/acceptance?account=acc-2`,
    ]);
    // The account is a query parameter, never part of the snapshot's scope.
    expect(JSON.parse(fetch.mock.calls[4][1].body)).toEqual({
      workers: ['acme-api'],
      pages: [],
    });
  });

  it('exports the Zero Trust audit as bytes with their hash and file name', async () => {
    const { client, fetch } = clientWith(
      new Response('{"a":1}', {
        headers: {
          'x-cloudflare-evidence-sha256': sha,
          'content-disposition': `attachment; filename="cloudflare-evidence-zero-trust-audit-${uuid}.json"`,
        },
      }),
    );
    const d = await client.exportZeroTrustAudit();
    expect(fetch.mock.calls[0]).toEqual([
      `${BASE}/v1/zero-trust/export/audit?download=json`,
      { method: 'POST' },
    ]);
    expect(d.sha256).toBe(sha);
    expect(d.fileName).toBe(
      `cloudflare-evidence-zero-trust-audit-${uuid}.json`,
    );
    expect(await d.blob.text()).toBe('{"a":1}');
  });

  it('exports the R2 lifecycle of every bucket, or of one jurisdiction, as bytes with their hash', async () => {
    const headers = {
      'x-cloudflare-evidence-sha256': sha,
      'content-disposition': `attachment; filename="cloudflare-evidence-r2-lifecycle-${uuid}.json"`,
    };
    const { client, fetch } = clientWith(
      new Response('{"b":1}', { headers }),
      new Response('{"b":2}', { headers }),
    );
    const d = await client.exportR2Lifecycle();
    await client.exportR2Lifecycle({ jurisdiction: 'eu' });
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      `${BASE}/v1/r2/lifecycle/export?download=json`,
      `${BASE}/v1/r2/lifecycle/export?download=json&jurisdiction=eu`,
    ]);
    expect(fetch.mock.calls[0][1]).toEqual({ method: 'POST' });
    expect(d.sha256).toBe(sha);
    expect(d.fileName).toBe(`cloudflare-evidence-r2-lifecycle-${uuid}.json`);
    expect(await d.blob.text()).toBe('{"b":1}');
  });

  it('downloads the OSCAL assessment results as a file named by the backend', async () => {
    const { client, fetch } = clientWith(
      new Response('{"assessment-results":{}}', {
        headers: {
          'content-disposition':
            'attachment; filename="cloudflare-oscal-assessment-results-2026-12-05T01-00-00-000Z.json"',
        },
      }),
    );
    const d = await client.downloadOscalAssessmentResults();
    expect(fetch.mock.calls[0][0]).toBe(`${BASE}/v1/evidence/oscal`);
    expect(d.fileName).toBe(
      'cloudflare-oscal-assessment-results-2026-12-05T01-00-00-000Z.json',
    );
    expect(await d.blob.text()).toBe('{"assessment-results":{}}');
  });

  it('takes the hash from Content-Digest when its own header is not exposed', async () => {
    const { client } = clientWith(
      new Response('{}', {
        headers: {
          'content-digest': `sha-256=:${Buffer.from(sha, 'hex').toString(
            'base64',
          )}:`,
        },
      }),
    );
    const d = await client.downloadEvidence(uuid);
    expect(d.sha256).toBe(sha);
    expect(d.fileName).toBe('cloudflare-evidence.json');
  });

  it('creates a provenance snapshot, lists and verifies evidence', async () => {
    const verification = {
      id: uuid,
      valid: false,
      problems: ['the stored bytes no longer hash to the recorded SHA-256'],
      document: {
        valid: false,
        storedSha256: sha,
        computedSha256: 'ee'.repeat(32),
      },
      chain: { valid: true, length: 3, headSha256: 'd0'.repeat(32) },
    };
    const { client, fetch } = clientWith(
      json(record, { status: 201 }),
      json({ items: [record], nextBefore: 3 }),
      json(verification),
    );
    expect(
      await client.createDeploymentProvenanceSnapshot({
        workers: ['acme-api'],
      }),
    ).toEqual(record);
    expect(JSON.parse(fetch.mock.calls[0][1].body)).toEqual({
      workers: ['acme-api'],
      pages: [],
    });
    expect(await client.listEvidence()).toEqual({
      items: [record],
      nextBefore: 3,
    });
    expect(await client.verifyEvidence(uuid)).toEqual(verification);
    expect(fetch.mock.calls[2][0]).toBe(`${BASE}/v1/evidence/${uuid}/verify`);
  });

  it('reads the acceptance figures, and throws the 403 of a caller who may not', async () => {
    const { client, fetch } = clientWith(
      json(postureAcceptance),
      json(
        {
          error: { name: 'NotAllowedError', message: 'Unauthorized' },
          response: { statusCode: 403 },
        },
        { status: 403, statusText: 'Forbidden' },
      ),
    );
    expect(await client.getAcceptance()).toEqual(postureAcceptance);
    expect(fetch).toHaveBeenCalledWith(`${BASE}/v1/acceptance`, undefined);
    const error = await client.getAcceptance().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).statusCode).toBe(403);
  });

  it('diffs two snapshots by id, in the masked view unless asked', async () => {
    const { client, fetch } = clientWith(
      json(r2LifecycleDiff),
      json(r2LifecycleDiff),
    );
    const { from, to } = R2_DIFF_IDS;
    expect(await client.diffEvidence(from, to)).toEqual(r2LifecycleDiff);
    expect(fetch.mock.calls[0][0]).toBe(
      `${BASE}/v1/evidence/diff?from=${from}&to=${to}&view=masked`,
    );
    await client.diffEvidence(from, to, 'unmasked');
    expect(fetch.mock.calls[1][0]).toMatch(/&view=unmasked$/);
  });
});
