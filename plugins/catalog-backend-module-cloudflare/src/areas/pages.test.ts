import { DEMO_MAP_CONTEXT, demoClient, demoState } from '../__testUtils__/demo';
import { pagesArea } from './pages';

describe('pagesArea', () => {
  it('reads only the project list and relates every production binding kind', async () => {
    const state = demoState();
    const web = state.data.pages.projects.find(p => p.name === 'acme-web')!;
    Object.assign(web.deployment_configs!.production!, {
      d1_databases: { DB: { id: 'd1-id' } },
      r2_buckets: { ASSETS: { name: 'acme-assets' } },
      queue_producers: { EVENTS: { name: 'acme-events' } },
    });
    const read = await pagesArea.read(demoClient(state), undefined);
    expect(Object.keys(state.callCounts())).toEqual([
      'GET /accounts/:account_id/pages/projects',
    ]);
    const entity = pagesArea
      .map(read, DEMO_MAP_CONTEXT)
      .find(e => e.entity.metadata.name === 'cf-pages-acme-web')!.entity;
    expect(entity.spec!.dependsOn).toEqual([
      'resource:default/cf-d1-d1-id',
      'resource:default/cf-kv-2c3d4e5f6a7b48c9d0e1f2a3b4c5d6e7',
      'resource:default/cf-queue-acme-events',
      'resource:default/cf-r2-acme-assets',
    ]);
  });

  it('maps a project never deployed without a deployment or relations', async () => {
    const state = demoState();
    const [first] = state.data.pages.projects;
    state.data.pages.projects = [
      {
        ...first,
        name: 'empty',
        framework: '',
        canonical_deployment: null,
        latest_deployment: null,
        deployment_configs: {},
      } as typeof first,
    ];
    const read = await pagesArea.read(demoClient(state), undefined);
    const [{ entity }] = pagesArea.map(read, DEMO_MAP_CONTEXT);
    expect(entity.metadata.tags).toEqual(['cloudflare', 'pages']);
    expect(entity.spec).toEqual({
      type: 'cloudflare-pages',
      owner: 'group:default/platform',
      parameters: {
        accountId: DEMO_MAP_CONTEXT.accountId,
        projectName: 'empty',
        productionBranch: first.production_branch,
        createdOn: first.created_on,
      },
    });
  });
});
