import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import {
  DemoObservation,
  demoQueueResources,
  observeDemoQueues,
} from '../__fixtures__/queues';
import {
  demoCloudflareConfig,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  createCloudflareQueueBacklogFactRetriever,
  createCloudflareQueueDeadLetterFactRetriever,
  queuesFacts,
} from './queues';
import { CLOUDFLARE_TECH_INSIGHTS_CHECKS } from '../checks';

const nameOf = (e: Entity) => (e.spec!.parameters as any).queueName;

/** The demo account's queue Resources, observed once or (with `minutes`) twice that far apart. */
async function demoQueues(
  demo: ReturnType<typeof useDemoAccount>,
  minutes?: number,
) {
  const client = CloudflareClient.fromConfig(
    new ConfigReader(demoCloudflareConfig()),
  );
  const first = await observeDemoQueues(client);
  if (minutes === undefined) return demoQueueResources(client, first);
  const start = Date.now();
  (demo.state as { now: () => number }).now = () => start + minutes * 60_000;
  const second = await observeDemoQueues(client);
  return demoQueueResources(client, second, first);
}

/** A retriever's facts over `entities`, by queue name. */
async function factsByQueue(
  make: typeof createCloudflareQueueBacklogFactRetriever,
  entities: Entity[],
  config = demoCloudflareConfig(),
) {
  const names = new Map(entities.map(e => [e.metadata.name, nameOf(e)]));
  const catalog = new InMemoryCatalogClient({ entities });
  const facts = await make({ catalog: () => catalog }).handler(
    retrieverContext(config).ctx,
  );
  return Object.fromEntries(
    facts.map(f => [names.get(f.entity.name), f.facts]),
  );
}

describe('Queue backlog facts', () => {
  const demo = useDemoAccount();

  it('passes a fresh backlog, fails a stale one (acme-r2-notifications, 26 hours)', async () => {
    const facts = await factsByQueue(
      createCloudflareQueueBacklogFactRetriever,
      await demoQueues(demo),
    );
    expect(facts['acme-events']).toEqual({
      backlogCount: 1243,
      backlogBytes: 1243 * 2048,
      oldestMessageAgeSeconds: expect.any(Number),
      deliveryPaused: false,
      backlogWithinThreshold: true,
    });
    expect(facts['acme-events'].oldestMessageAgeSeconds).toBeLessThan(120);
    expect(facts['acme-r2-notifications']).toMatchObject({
      backlogCount: 5210,
      oldestMessageAgeSeconds: expect.any(Number),
      deliveryPaused: true,
      backlogWithinThreshold: false,
    });
    expect(facts['acme-email-outbound']).toMatchObject({
      backlogCount: 0,
      oldestMessageAgeSeconds: 0,
      backlogWithinThreshold: true,
    });
    // The DLQ's letters are three days old.
    expect(facts['acme-events-dlq'].backlogWithinThreshold).toBe(false);
  });

  it('takes its thresholds from techInsights.cloudflare.queues', async () => {
    const facts = await factsByQueue(
      createCloudflareQueueBacklogFactRetriever,
      await demoQueues(demo),
      {
        ...demoCloudflareConfig(),
        techInsights: {
          cloudflare: {
            queues: {
              maxBacklogMessages: 1000,
              maxOldestMessageAgeSeconds: 4 * 86_400,
            },
          },
        },
      },
    );
    expect(facts['acme-events'].backlogWithinThreshold).toBe(false);
    expect(facts['acme-events-dlq'].backlogWithinThreshold).toBe(true);
    expect(facts['acme-audit-eu'].backlogWithinThreshold).toBe(true);
  });

  it('gives no fact to a queue the catalog has not observed', async () => {
    const entities = (await demoQueues(demo)).map(e => {
      const { backlog: _b, ...rest } = e.spec!.parameters as any;
      return { ...e, spec: { ...e.spec, parameters: rest } };
    });
    expect(
      await factsByQueue(createCloudflareQueueBacklogFactRetriever, entities),
    ).toEqual({});
  });
});

describe('Queue dead-letter facts', () => {
  const demo = useDemoAccount();

  it('fails queues whose consumers have no DLQ and passes an empty DLQ, on one observation', async () => {
    const facts = await factsByQueue(
      createCloudflareQueueDeadLetterFactRetriever,
      await demoQueues(demo),
    );
    expect(facts).toEqual({
      'acme-email-outbound': {
        deadLetterQueueConfigured: false,
        deadLetterQueueHealthy: false,
      },
      'acme-r2-notifications': {
        deadLetterQueueConfigured: false,
        deadLetterQueueHealthy: false,
      },
      'acme-audit-eu': {
        deadLetterQueueConfigured: true,
        deadLetterBacklog: 0,
        deadLetterQueueHealthy: true,
      },
      // acme-events: its DLQ holds 17 letters, and one observation cannot tell growth.
    });
  });

  it('fails acme-events once its DLQ is seen growing between two observations', async () => {
    const facts = await factsByQueue(
      createCloudflareQueueDeadLetterFactRetriever,
      await demoQueues(demo, 10),
    );
    expect(facts['acme-events']).toEqual({
      deadLetterQueueConfigured: true,
      deadLetterBacklog: 22,
      deadLetterGrowth: 5,
      deadLetterQueueHealthy: false,
    });
    // An empty DLQ has not grown, whatever came before.
    expect(facts['acme-audit-eu']).toEqual({
      deadLetterQueueConfigured: true,
      deadLetterBacklog: 0,
      deadLetterQueueHealthy: true,
    });
  });

  it('passes a non-empty DLQ whose last change was a fall (letters were handled)', async () => {
    const entities = await demoQueues(demo, 10);
    const dlq = entities.find(e => nameOf(e) === 'acme-events-dlq')!;
    const p = dlq.spec!.parameters as unknown as { backlog: DemoObservation };
    (dlq.spec!.parameters as any).previousBacklog = {
      ...p.backlog,
      count: 30,
    };
    const facts = await factsByQueue(
      createCloudflareQueueDeadLetterFactRetriever,
      entities,
    );
    expect(facts['acme-events']).toMatchObject({
      deadLetterGrowth: -8,
      deadLetterQueueHealthy: true,
    });
  });

  it('gives no fact when the DLQ is not in the catalog', async () => {
    const entities = (await demoQueues(demo, 10)).filter(
      e => nameOf(e) !== 'acme-events-dlq',
    );
    const facts = await factsByQueue(
      createCloudflareQueueDeadLetterFactRetriever,
      entities,
    );
    expect(facts['acme-events']).toBeUndefined();
    expect(facts['acme-audit-eu']).toBeDefined();
  });

  it('names the SOC 2 criteria of its checks', () => {
    expect(
      queuesFacts.checks.map(c => [
        c.id,
        CLOUDFLARE_TECH_INSIGHTS_CHECKS[c.id].metadata.soc2,
      ]),
    ).toEqual([
      [
        'cloudflareQueueBacklog',
        { control: 'A1.1', title: 'Availability: capacity management' },
      ],
      [
        'cloudflareQueueDeadLetter',
        {
          control: 'A1.2',
          title: 'Availability: recovery infrastructure and resilience',
        },
      ],
    ]);
  });
});
