import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { Entity } from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DEMO_ACCOUNT_ID } from '@cloudflare-backstage/cloudflare-demo-account';
import request from 'supertest';
import { exampleEntities, resourceEntity } from '../__fixtures__/catalog';
import {
  cloudflareFactRetrievers,
  techInsightsModuleCloudflare,
} from '../module';

const URL = '/api/tech-insights/cloudflare/refresh';

const ENTITIES: Entity[] = [
  ...exampleEntities(DEMO_ACCOUNT_ID),
  resourceEntity(DEMO_ACCOUNT_ID, 'r2', 'acme-regulated-exports', {}),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

/** Every retriever of the module but `unconfigured`, as `techInsights.factRetrievers` turns them on. */
const retrieversConfig = (unconfigured: string[]) =>
  Object.fromEntries(
    Object.keys(cloudflareFactRetrievers)
      .filter(id => !unconfigured.includes(id))
      .map(id => [id, { cadence: '0 * * * *' }]),
  );

async function backend(
  options: {
    allow?: boolean;
    triggerTask?: (id: string) => Promise<void>;
    unconfigured?: string[];
  } = {},
) {
  const triggerTask = jest.fn(options.triggerTask ?? (async () => {}));
  const authorize = jest.fn(async (requests: unknown[]) =>
    requests.map(() => ({
      result:
        options.allow === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    })),
  );
  const { server } = await startTestBackend({
    extensionPoints: [
      [
        techInsightsFactRetrieversExtensionPoint,
        { addFactRetrievers: jest.fn() },
      ],
    ],
    features: [
      techInsightsModuleCloudflare,
      mockServices.rootConfig.factory({
        data: {
          techInsights: {
            factRetrievers: retrieversConfig(options.unconfigured ?? []),
          },
        },
      }),
      catalogServiceMock.factory({ entities: ENTITIES }),
      mockServices.scheduler.mock({ triggerTask }).factory,
      mockServices.permissions.mock({ authorize: authorize as any }).factory,
    ],
  });
  const post = (body: unknown) =>
    request(server)
      .post(URL)
      .set('Authorization', mockCredentials.user.header())
      .send(body as object);
  return { post, triggerTask, authorize };
}

describe('POST /api/tech-insights/cloudflare/refresh', () => {
  it("triggers the R2 retriever's task for an R2 bucket Resource, and answers 202", async () => {
    const { post, triggerTask, authorize } = await backend();
    const before = Date.now();
    const res = await post({
      entityRef: 'resource:default/cf-r2-acme-regulated-exports',
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      entityRef: 'resource:default/cf-r2-acme-regulated-exports',
      retrievers: ['cloudflareR2LifecycleFactRetriever'],
      triggeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const triggeredAt = Date.parse(res.body.triggeredAt);
    expect(triggeredAt).toBeGreaterThanOrEqual(before);
    expect(triggeredAt).toBeLessThanOrEqual(Date.now());
    expect(triggerTask.mock.calls).toEqual([
      ['cloudflareR2LifecycleFactRetriever'],
    ]);
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'tech-insights.check.run',
          }),
        },
      ],
      expect.anything(),
    );
  });

  it('refreshes a Component with every retriever whose filter it matches', async () => {
    const { post } = await backend();
    expect(
      (await post({ entityRef: 'component:default/acme-api' })).body,
    ).toMatchObject({
      retrievers: [
        'cloudflareDeploymentProvenanceFactRetriever',
        'cloudflareDeploymentAuditFactRetriever',
        'cloudflareCoverageFactRetriever',
      ],
    });
    // no Worker or Pages annotation: only coverage
    expect(
      (await post({ entityRef: 'Component:default/legacy-billing' })).body,
    ).toMatchObject({
      entityRef: 'component:default/legacy-billing',
      retrievers: ['cloudflareCoverageFactRetriever'],
    });
  });

  it('refreshes the account-wide retrievers on the Zero Trust posture Resource', async () => {
    const { post } = await backend();
    expect(
      (await post({ entityRef: 'resource:default/cf-zt-access' })).body
        .retrievers,
    ).toEqual([
      'cloudflareAccessAuditFactRetriever',
      'cloudflareApiTokenHygieneFactRetriever',
    ]);
  });

  it('skips retrievers that are not configured or have no task, and counts a running one', async () => {
    const { post, triggerTask } = await backend({
      unconfigured: ['cloudflareDeploymentAuditFactRetriever'],
      triggerTask: async id => {
        if (id === 'cloudflareDeploymentProvenanceFactRetriever')
          throw new ConflictError(`Task ${id} is currently running`);
        if (id === 'cloudflareCoverageFactRetriever')
          throw new NotFoundError(`Task ${id} does not exist`);
      },
    });
    const res = await post({ entityRef: 'component:default/acme-api' });
    expect(res.status).toBe(202);
    expect(res.body.retrievers).toEqual([
      'cloudflareDeploymentProvenanceFactRetriever',
    ]);
    expect(triggerTask.mock.calls.map(([id]) => id)).toEqual([
      'cloudflareDeploymentProvenanceFactRetriever',
      'cloudflareCoverageFactRetriever',
    ]);
  });

  it.each([
    [undefined, 'entityRef'],
    [{ entityRef: 42 }, 'entityRef'],
    [{ entityRef: 'acme-api' }, '<kind>:<namespace>/<name>'],
    [{ entityRef: 'group:default/platform' }, 'only Components and Resources'],
    [{ entityRef: 'system:default/acme-org' }, 'only Components and Resources'],
  ])('answers 400 JSON to %j', async (body, message) => {
    const { post, triggerTask } = await backend();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(message),
    });
    expect(triggerTask).not.toHaveBeenCalled();
  });

  it('answers 403 JSON when the caller may not run checks, and triggers nothing', async () => {
    const { post, triggerTask } = await backend({ allow: false });
    const res = await post({ entityRef: 'component:default/acme-api' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ name: 'NotAllowedError' });
    expect(triggerTask).not.toHaveBeenCalled();
  });

  it('answers 404 JSON for an entity the catalog does not hold', async () => {
    const { post, triggerTask } = await backend();
    const res = await post({ entityRef: 'component:default/acme-nope' });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      name: 'NotFoundError',
      message: 'No entity component:default/acme-nope',
    });
    expect(triggerTask).not.toHaveBeenCalled();
  });
});
