import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  demoProviders,
  fakeConnection,
  singleAccountConfig,
} from '../__testUtils__/demo';

const TAGS_ROUTE = 'GET /accounts/:account_id/tags/resources';

/** acme-api's owner from its `backstage-owner=platform` tag; untagged Workers fall to the default. */
const config = singleAccountConfig({
  entityProvider: {
    ownership: [
      {
        match: { tag: 'backstage-owner=platform' },
        owner: 'group:default/platform',
        system: 'system:default/acme-org',
      },
    ],
    defaultOwner: 'group:default/unowned',
  },
});

const setup = () => demoProviders({ config });

const entityOf = (mutation: { entities?: DeferredEntity[] }, name: string) =>
  mutation.entities!.find(e => e.entity.metadata.name === name)!.entity;

describe('CloudflareEntityProvider and Cloudflare resource tags', () => {
  it('reads the tags once per run and puts them on entities as labels, owner and system', async () => {
    const { state, schedule, provider } = setup();
    const connection = fakeConnection();
    await provider.connect(connection);
    await schedule.runTask();

    expect(state.callCounts()[TAGS_ROUTE]).toBe(1);
    const mutation = connection.applyMutation.mock.calls[0][0];
    const api = entityOf(mutation, 'cf-worker-acme-api');
    expect(api.metadata.labels).toEqual({
      'cloudflare.com/tag-backstage-owner': 'platform',
      'cloudflare.com/tag-backstage-system': 'acme-org',
    });
    expect(api.spec).toMatchObject({
      owner: 'group:default/platform',
      system: 'system:default/acme-org',
    });
    const etl = entityOf(mutation, 'cf-worker-acme-etl');
    expect(etl.metadata.labels).toBeUndefined();
    expect(etl.spec!.owner).toBe('group:default/unowned');
  });

  it('keeps the last good tags, labels and owners when the tag read fails, and warns', async () => {
    const { state, schedule, provider, logger } = setup();
    const connection = fakeConnection();
    await provider.connect(connection);
    await schedule.runTask();
    state.addFault({
      route: '/tags/resources',
      fault: { kind: 'server-error' },
    });
    await schedule.runTask();

    expect(connection.applyMutation).toHaveBeenCalledTimes(2);
    const [first, second] = connection.applyMutation.mock.calls.map(c => c[0]);
    expect(second).toEqual(first);
    expect(entityOf(second, 'cf-worker-acme-api').spec!.owner).toBe(
      'group:default/platform',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'could not read Cloudflare resource tags: CloudflareApiError',
      ),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('keeping the tags of the last good run'),
    );
  });

  it('maps without tags when they were never read, and fails nothing', async () => {
    const { state, schedule, provider } = setup();
    state.addFault({
      route: '/tags/resources',
      fault: { kind: 'server-error' },
    });
    const connection = fakeConnection();
    await provider.connect(connection);
    await schedule.runTask();

    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('full');
    const api = entityOf(mutation, 'cf-worker-acme-api');
    expect(api.metadata.labels).toBeUndefined();
    expect(api.spec!.owner).toBe('group:default/unowned');
  });

  it('skips tags that are not valid Backstage labels', async () => {
    const { state, schedule, provider } = setup();
    const api = state.data.tags.resources.find(r => r.id === 'acme-api')!;
    api.tags = {
      ...api.tags,
      'has space': 'x',
      ['k'.repeat(80)]: 'x',
      'too-long-value': 'v'.repeat(80),
      'bad-value': 'a b',
      'key-only': '',
    };
    const connection = fakeConnection();
    await provider.connect(connection);
    await schedule.runTask();

    const labels = entityOf(
      connection.applyMutation.mock.calls[0][0],
      'cf-worker-acme-api',
    ).metadata.labels;
    expect(labels).toEqual({
      'cloudflare.com/tag-backstage-owner': 'platform',
      'cloudflare.com/tag-backstage-system': 'acme-org',
      'cloudflare.com/tag-key-only': '',
    });
  });
});
