import request from 'supertest';
import { ConfigReader } from '@backstage/config';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoBackend } from '../__testUtils__/harness';

/*
 * What only the Containers routes do: both application variants listed with environment variable
 * names and never a value; a status's error messages masked by default and shown only to
 * cloudflare.read.unmasked, audited; never an event's details. Permissions, the bad inputs and the
 * canaries of every route are checked by ./index.test.ts.
 */

jest.setTimeout(60_000);

const { config, start } = useDemoBackend();

const BASE = '/api/cloudflare/v1/containers';
const client = () => CloudflareClient.fromConfig(new ConfigReader(config()));

describe('Containers routes (the real client against the demo account)', () => {
  it('lists the applications: image and tag, instances, the Durable Object variant without a desired count', async () => {
    const { server } = await start({ allow: ['cloudflare.read.containers'] });
    const res = await request(server).get(`${BASE}/services`);
    expect(res.status).toBe(200);
    expect(res.body.masked).toEqual({});
    expect(
      res.body.items.map((s: Record<string, unknown>) => [
        s.name,
        s.kind,
        s.imageTag,
        s.instances,
      ]),
    ).toEqual([
      ['acme-containers', 'scheduled', '2025-10-25', 30],
      ['acme-renderer', 'durable-object', undefined, undefined],
    ]);
    expect(res.body.items[0].environmentVariableNames).toEqual([
      'LOG_LEVEL',
      'CONVERTER_API_KEY',
    ]);
    expect(JSON.stringify(res.body)).not.toContain(
      SECRET_CANARIES.containerEnvValue,
    );
  });

  it("answers a status with the error messages masked, the health's counts readable", async () => {
    const { server } = await start({ allow: ['cloudflare.read.containers'] });
    const res = await request(server).get(`${BASE}/acme-containers/status`);
    expect(res.status).toBe(200);
    expect(res.body.view).toBe('masked');
    expect(res.body.masked).toEqual({ 'errors[].message': 2 });
    expect(res.body.item).toMatchObject({
      summary: 'degraded',
      active: 27,
      failed: 1,
      errors: [
        { name: 'ServiceHealthUpdates', message: '[masked]' },
        { name: 'VMFailed', type: 'Error', message: '[masked]' },
      ],
    });
    const body = JSON.stringify(res.body);
    expect(body).not.toContain('/srv/jobs/q3-board-report.docx');
    expect(body).not.toContain(SECRET_CANARIES.containerErrorDetails);
  });

  it("answers the client's status unchanged to cloudflare.read.unmasked, audited, without an event's details", async () => {
    const { server, audit } = await start();
    const res = await request(server).get(
      `${BASE}/acme-containers/status?view=unmasked`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ view: 'unmasked', masked: {} });
    expect(res.body.item).toEqual(
      await client().containers.getStatus('acme-containers'),
    );
    expect(res.body.item.errors[1].message).toContain('code 137');
    expect(audit.map(a => `${a.eventId}:${a.status}`)).toEqual([
      'unmasked-read:initiated',
      'unmasked-read:succeeded',
    ]);
    expect(JSON.stringify(res.body)).not.toContain(
      SECRET_CANARIES.containerErrorDetails,
    );
  });

  it('answers an unknown application 404 in our words', async () => {
    const { server } = await start({ allow: ['cloudflare.read.containers'] });
    const res = await request(server).get(`${BASE}/acme-nothing/status`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(
      "Container application 'acme-nothing' was not found",
    );
  });
});
