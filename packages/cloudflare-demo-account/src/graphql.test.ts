import { sdk, useDemoAccount } from './__testUtils__/sdk';
import { SECRET_CANARIES } from './canaries';
import { SESSION_COORDINATOR_NAMESPACE_ID } from './fixtures/durableObjects';
import { DEMO_API_TOKEN_WITHOUT_ANALYTICS } from './state';

type Answer = { data: any; errors: any[] | null };

describe('GraphQL Analytics route', () => {
  const demo = useDemoAccount();
  const ask = (
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<Answer> =>
    sdk({ token }).post<Answer>('/graphql', {
      body: {
        query,
        variables: { accountTag: demo.account_id, ...variables },
      },
    }) as Promise<Answer>;

  const INVOCATIONS = `query Q($accountTag: string!, $ids: [string!], $from: Time!) {
    viewer { accounts(filter: { accountTag: $accountTag }) {
      byNs: durableObjectsInvocationsAdaptiveGroups(limit: 100, filter: { namespaceId_in: $ids, datetime_geq: $from }) {
        dimensions { ns: namespaceId }
        sum { requests errors }
        count
      }
    } }
  }`;

  it('groups a dataset by the selected dimensions, filters it and names its fields by alias', async () => {
    const from = new Date(Date.now() - 24 * 3_600_000).toISOString();
    const answer = await ask(INVOCATIONS, {
      ids: [SESSION_COORDINATOR_NAMESPACE_ID],
      from,
    });
    expect(answer.errors).toBeNull();
    expect(answer.data.viewer.accounts[0].byNs).toEqual([
      {
        dimensions: { ns: SESSION_COORDINATOR_NAMESPACE_ID },
        sum: { requests: 182_400, errors: 730 },
        count: 24,
      },
    ]);
  });

  it('keeps rows to the time filter: nothing after now', async () => {
    const answer = await ask(INVOCATIONS, {
      ids: [SESSION_COORDINATOR_NAMESPACE_ID],
      from: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(answer.data.viewer.accounts[0].byNs).toEqual([]);
  });

  it('answers a token without Account Analytics Read with authz errors and no data', async () => {
    const answer = await ask(
      INVOCATIONS,
      { ids: [SESSION_COORDINATOR_NAMESPACE_ID], from: '2020-01-01T00:00:00Z' },
      DEMO_API_TOKEN_WITHOUT_ANALYTICS,
    );
    expect(answer.data).toBeNull();
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: 'not authorized for that account',
        path: ['viewer', 'accounts', 0, 'byNs'],
        extensions: expect.objectContaining({ code: 'authz' }),
      }),
    ]);
  });

  it('refuses another account, unknown datasets and fields, and bad syntax with errors[] at HTTP 200', async () => {
    const other = await ask(INVOCATIONS, { accountTag: '0'.repeat(32) });
    expect(other.errors?.[0].extensions.code).toBe('authz');
    const unknown = await ask(
      'query { viewer { accounts(filter: { accountTag: $accountTag }) { nope(limit: 1) { count } } } }',
    );
    expect(unknown.errors?.[0].message).toBe('unknown field "nope"');
    const field = await ask(
      'query Q($accountTag: string!) { viewer { accounts(filter: { accountTag: $accountTag }) { durableObjectsPeriodicGroups(limit: 1) { sum { cpuTimeX } } } } }',
    );
    expect(field.errors?.[0].message).toBe('unknown field "cpuTimeX"');
    const filter = await ask(
      'query Q($accountTag: string!) { viewer { accounts(filter: { accountTag: $accountTag }) { durableObjectsPeriodicGroups(limit: 1, filter: { colour: "red" }) { count } } } }',
    );
    expect(filter.errors?.[0].message).toBe('unknown filter field "colour"');
    const syntax = await ask('query { viewer { accounts(');
    expect(syntax.data).toBeNull();
    expect(syntax.errors?.[0].message).toMatch(/^Syntax Error/);
  });

  it('returns object names only to a query grouped by them', async () => {
    const grouped = await ask(
      `query Q($accountTag: string!) { viewer { accounts(filter: { accountTag: $accountTag }) {
        durableObjectsPeriodicGroups(limit: 10, filter: { namespaceId: "${SESSION_COORDINATOR_NAMESPACE_ID}" }) {
          dimensions { name } max { activeWebsocketConnections }
        } } } }`,
    );
    const rows = grouped.data.viewer.accounts[0].durableObjectsPeriodicGroups;
    expect(rows).toEqual([
      {
        dimensions: { name: `session:${SECRET_CANARIES.durableObjectName}` },
        max: { activeWebsocketConnections: 1_840 },
      },
    ]);
    expect(demo.state.callCounts()['POST /graphql']).toBe(1);
  });
});
