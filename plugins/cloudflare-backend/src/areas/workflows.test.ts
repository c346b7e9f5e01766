import request from 'supertest';
import { ConfigReader } from '@backstage/config';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * What only Workflows routes do: Cloudflare's page paging through the envelope's cursor, the step
 * graph's retry policy, and runs in a time window as the client reads them. Permissions, both
 * views, the 404, bad inputs and secret canaries are checked for every route by ./index.test.ts.
 */

jest.setTimeout(60_000);

const { demo, config, start } = useDemoBackend();

const WORKFLOWS = '/api/cloudflare/v1/workflows';
const runs = (name: string, query = '') =>
  `/api/cloudflare/v1/workflows/${name}/runs${query}`;
const client = () => CloudflareClient.fromConfig(new ConfigReader(config()));

describe('Workflows routes (the real client against the demo account)', () => {
  it('pages workflows by the cursor of the previous answer, each with its retry policy', async () => {
    const { server } = await start();
    const first = await request(server).get(`${WORKFLOWS}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((w: any) => w.name)).toEqual([
      'acme-etl',
      'acme-onboarding',
    ]);
    expect(first.body.items[0]).toMatchObject({
      scriptName: 'acme-etl',
      stepCount: 6,
      retryPolicy: 'exponential',
    });
    expect(first.body.items[1]).toMatchObject({
      retryPolicy: 'unknown',
      retryPolicyReason: expect.stringContaining('has no step graph'),
    });
    expect(first.body.cursor).toBe('2');
    const second = await request(server).get(
      `${WORKFLOWS}?limit=2&cursor=${first.body.cursor}`,
    );
    expect(second.body.items.map((w: any) => w.name)).toEqual([
      'acme-nightly-report',
    ]);
    expect(second.body.items[0].stepsWithoutRetries).toEqual(['deliver']);
    expect(second.body.cursor).toBeUndefined();
  });

  it("answers a workflow's runs in a time window as the client reads them", async () => {
    const { server } = await start();
    const instances = demo.state.data.workflows.workflows[0].instances;
    const from = instances[4].created_on;
    const to = instances[1].created_on;
    const res = await request(server).get(
      runs('acme-etl', `?from=${from}&to=${to}`),
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: any) => r.id)).toEqual(
      instances.slice(1, 5).map(i => i.id),
    );
    expect(res.body.items).toEqual(
      await client().workflows.listRuns('acme-etl', { from, to }),
    );
    const last = await request(server).get(runs('acme-onboarding', '?limit=1'));
    expect(last.body.items).toEqual([
      expect.objectContaining({
        status: 'errored',
        errorName: 'Error',
        retries: 3,
      }),
    ]);
    expect(JSON.stringify(last.body)).not.toContain('upstream returned 503');
  });
});
