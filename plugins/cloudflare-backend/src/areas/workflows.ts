import { AreaRouteDescriptors } from './types';

/**
 * Workflows routes: one page of workflows as Cloudflare pages them (`cursor` is the next page's
 * number), each with its versions and its newest version's step graph and retry policy; and a
 * workflow's last runs between `from` and `to` with their retries and error name. Never an
 * instance's params, an output or an error message, and never `instances.step`.
 */
export const workflowsRouteDescriptors: AreaRouteDescriptors<'workflows'> = {
  workflows: {
    what: () => 'Workflows',
    load: (client, { query }) =>
      client.workflows.pageOfWorkflows({
        page: query.cursor ? Number(query.cursor) : 1,
        perPage: query.limit,
      }),
  },
  runs: {
    what: ({ params }) => `Workflow '${params.name}'`,
    load: async (client, { params, query }) => ({
      items: await client.workflows.listRuns(params.name, query),
    }),
  },
};
