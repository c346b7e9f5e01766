import { z } from 'zod';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN_WITHOUT_ANALYTICS,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { useDemoAccount } from '@cloudflare-backstage/cloudflare-demo-account/testUtils';
import { demoContext } from './__testUtils__/areaContext';
import { failure } from './__testUtils__/demo';
import { GRAPHQL_NOT_EXPOSED_REASON } from './graphql';

const COUNT = `query Q($accountTag: string!) { viewer { accounts(filter: { accountTag: $accountTag }) {
  rows: durableObjectsInvocationsAdaptiveGroups(limit: 10) { sum { requests } }
} } }`;
const countSchema = z.object({
  viewer: z.object({
    accounts: z.array(
      z.object({
        rows: z.array(z.object({ sum: z.object({ requests: z.number() }) })),
      }),
    ),
  }),
});

describe('ClientContext.graphql', () => {
  const demo = useDemoAccount();

  it('posts {query, variables} with the account tag and parses data with the schema', async () => {
    const ctx = demoContext();
    const read = await ctx.run('durableObjects', 'test.graphql', () =>
      ctx.graphql({ query: COUNT, data: countSchema }),
    );
    expect(read).toEqual({
      exposed: true,
      data: {
        viewer: {
          accounts: [
            {
              rows: [
                { sum: { requests: 182_400 + 2_640_000 + 41_200 + 3_120 } },
              ],
            },
          ],
        },
      },
    });
    expect(ctx.stats().callsByArea).toEqual({ durableObjects: 1 });
    expect(demo.account_id).toBe(DEMO_ACCOUNT_ID);
  });

  it('says "not exposed" (not an error) when the token lacks Account Analytics Read', async () => {
    const ctx = demoContext({ token: DEMO_API_TOKEN_WITHOUT_ANALYTICS });
    const read = await ctx.run('durableObjects', 'test.graphql', () =>
      ctx.graphql({ query: COUNT, data: countSchema }),
    );
    expect(read).toEqual({
      exposed: false,
      reason: GRAPHQL_NOT_EXPOSED_REASON,
    });
    expect(ctx.stats().errorsByKind).toEqual({});
  });

  it('maps other GraphQL errors and data of another shape to bad-response, without their text', async () => {
    const ctx = demoContext();
    const unknown = await failure(
      ctx.run('durableObjects', 'test.graphql', () =>
        ctx.graphql({
          query: COUNT.replace('requests', 'secretField'),
          data: countSchema,
        }),
      ),
    );
    expect(unknown).toMatchObject({
      kind: 'bad-response',
      operation: 'test.graphql',
    });
    expect(unknown.message).not.toContain('secretField');
    const shape = await failure(
      ctx.run('durableObjects', 'test.graphql', () =>
        ctx.graphql({ query: COUNT, data: z.object({ viewer: z.string() }) }),
      ),
    );
    expect(shape.kind).toBe('bad-response');
  });

  it('maps a 5xx and a non-JSON answer like any other read', async () => {
    const ctx = demoContext();
    demo.state.addFault({
      route: '/graphql',
      fault: { kind: 'server-error', status: 503 },
      times: 1,
    });
    const down = await failure(
      ctx.run('durableObjects', 'test.graphql', () =>
        ctx.graphql({ query: COUNT, data: countSchema }),
      ),
    );
    expect(down).toMatchObject({ kind: 'unavailable', status: 503 });
    demo.state.addFault({
      route: '/graphql',
      fault: { kind: 'html-200' },
      times: 1,
    });
    const html = await failure(
      ctx.run('durableObjects', 'test.graphql', () =>
        ctx.graphql({ query: COUNT, data: countSchema }),
      ),
    );
    expect(html.kind).toBe('bad-response');
  });
});
