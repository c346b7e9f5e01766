import request from 'supertest';
import { createHash } from 'node:crypto';
import { mockCredentials } from '@backstage/backend-test-utils';
import { allPermissionsBut, useDemoBackend } from '../__testUtils__/harness';
import { withRegistry } from './__testUtils__/registry';

jest.setTimeout(60_000);

const { demo, start } = useDemoBackend();
const tester = mockCredentials.user('user:default/tester');

const startWithRegistry = withRegistry(start);

describe('evidence actions', () => {
  it('exports a snapshot as the export route does, downloadable and verified', async () => {
    const { registry, server, audit } = await startWithRegistry();
    const { output } = (await registry.invoke({
      id: 'test:export-evidence',
      input: { kind: 'r2-lifecycle', scope: { bucket: 'acme-prod-artifacts' } },
      credentials: tester,
    })) as { output: any };
    expect(output).toMatchObject({
      kind: 'r2-lifecycle',
      seq: 1,
      createdBy: 'user:default/tester',
      download: `/api/cloudflare/v1/evidence/${output.id}/download`,
    });
    const file = await request(server).get(output.download);
    expect(createHash('sha256').update(file.text).digest('hex')).toBe(
      output.sha256,
    );
    expect(JSON.parse(file.text)).toMatchObject({
      scope: { bucket: 'acme-prod-artifacts', view: 'masked' },
      data: { buckets: [{ bucket: 'acme-prod-artifacts' }] },
    });
    expect(audit[0]).toMatchObject({
      eventId: 'evidence-export',
      status: 'initiated',
      meta: {
        via: 'action',
        actor: 'user:default/tester',
        actionType: 'create',
        kind: 'r2-lifecycle',
      },
    });
    const verified = await registry.invoke({
      id: 'test:verify-evidence',
      input: { id: output.id },
      credentials: tester,
    });
    expect(verified.output).toMatchObject({
      id: output.id,
      valid: true,
      problems: [],
    });
  });

  it('takes deployment provenance from the same scope a POST body gives', async () => {
    const { registry } = await startWithRegistry();
    const { output } = (await registry.invoke({
      id: 'test:export-evidence',
      input: {
        kind: 'deployment-provenance',
        scope: { workers: ['acme-api'] },
      },
      credentials: tester,
    })) as { output: any };
    expect(output).toMatchObject({ kind: 'deployment-provenance' });
    await expect(
      registry.invoke({
        id: 'test:export-evidence',
        input: { kind: 'deployment-provenance', scope: {} },
        credentials: tester,
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/name at least one Worker script/),
    });
  });

  it.each([
    [
      'without cloudflare.export.evidence',
      allPermissionsBut('cloudflare.export.evidence'),
      tester,
    ],
    [
      'without cloudflare.read.r2',
      allPermissionsBut('cloudflare.read.r2'),
      tester,
    ],
    [
      'for a service principal',
      'all' as const,
      mockCredentials.service('plugin:other'),
    ],
  ])(
    'refuses %s, reading and storing nothing',
    async (_, allow, credentials) => {
      const { registry, server } = await startWithRegistry({ allow });
      await expect(
        registry.invoke({
          id: 'test:export-evidence',
          input: { kind: 'r2-lifecycle' },
          credentials,
        }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      expect(demo.state.totalCalls()).toBe(0);
      const list = await request(server).get('/api/cloudflare/v1/evidence');
      expect(list.body.items ?? []).toHaveLength(0);
    },
  );

  it('refuses an unknown kind and a bad snapshot id as the routes do', async () => {
    const { registry } = await startWithRegistry();
    await expect(
      registry.invoke({
        id: 'test:export-evidence',
        input: { kind: 'payroll' },
        credentials: tester,
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      registry.invoke({
        id: 'test:verify-evidence',
        input: { id: 'not-a-uuid' },
        credentials: tester,
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      registry.invoke({
        id: 'test:verify-evidence',
        input: { id: '00000000-0000-4000-8000-000000000000' },
        credentials: tester,
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
