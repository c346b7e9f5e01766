import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import {
  ALL_SECRET_CANARIES,
  DEMO_API_TOKEN_WITHOUT_ANALYTICS,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { component } from '../__fixtures__/catalog';
import { demoDurableObjectResources } from '../__fixtures__/durableObjects';
import {
  demoCloudflareConfig,
  loggedText,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  createCloudflareDurableObjectsFactRetriever,
  durableObjectsFacts,
} from './durableObjects';
import { CLOUDFLARE_TECH_INSIGHTS_CHECKS } from '../checks';

/** The acme-session Component as examples/entities.yaml has it: it documents SessionCoordinator. */
const ACME_SESSION = component('acme-session', {
  'cloudflare.com/worker': 'acme-session',
  'cloudflare.com/durable-object': 'SessionCoordinator',
  'backstage.io/techdocs-ref': 'dir:.',
});

/** The retriever's facts over the demo account's classes (after `edit`), by class. */
async function factsByClass(
  options: {
    config?: ReturnType<typeof demoCloudflareConfig>;
    maxErrorRate?: number;
    edit?: (e: Entity[]) => Entity[];
  } = {},
) {
  const config = options.config ?? demoCloudflareConfig();
  const client = CloudflareClient.fromConfig(new ConfigReader(config));
  const entities = (options.edit ?? (e => e))([
    ...(await demoDurableObjectResources(client)),
    ACME_SESSION,
  ]);
  const catalog = new InMemoryCatalogClient({ entities });
  const retriever = createCloudflareDurableObjectsFactRetriever({
    catalog: () => catalog,
    maxErrorRate: options.maxErrorRate,
  });
  const { ctx, logger } = retrieverContext(config);
  const facts = await retriever.handler(ctx);
  return {
    facts: Object.fromEntries(
      facts.map(f => [f.entity.name.replace(/^cf-do-/, ''), f.facts]),
    ),
    logged: loggedText(logger),
  };
}

describe('Durable Objects runtime facts', () => {
  useDemoAccount();

  it('passes SessionCoordinator (0.4% errors, WebSockets documented by acme-session) and fails ChatRoom (3.2%, WebSockets undocumented)', async () => {
    const { facts, logged } = await factsByClass();
    expect(facts.SessionCoordinator).toEqual({
      errorRate: 730 / 182_400,
      maxErrorRate: 0.01,
      errorRateBelowThreshold: true,
      usesWebSockets: true,
      techDocsLinked: true,
      webSocketsDocumented: true,
    });
    expect(facts.ChatRoom).toEqual({
      errorRate: 1_310 / 41_200,
      maxErrorRate: 0.01,
      errorRateBelowThreshold: false,
      usesWebSockets: true,
      techDocsLinked: false,
      webSocketsDocumented: false,
    });
    expect(facts.RateLimiter).toMatchObject({
      errorRateBelowThreshold: true,
      usesWebSockets: false,
      webSocketsDocumented: true,
    });
    for (const canary of ALL_SECRET_CANARIES) {
      expect(JSON.stringify(facts)).not.toContain(canary);
      expect(logged).not.toContain(canary);
    }
  });

  it('holds classes to techInsights.cloudflare.durableObjects.maxErrorRate, and the option over it', async () => {
    const config = {
      ...demoCloudflareConfig(),
      techInsights: { cloudflare: { durableObjects: { maxErrorRate: 0.05 } } },
    };
    const configured = await factsByClass({ config });
    expect(configured.facts.ChatRoom).toMatchObject({
      maxErrorRate: 0.05,
      errorRateBelowThreshold: true,
    });
    const strict = await factsByClass({ config, maxErrorRate: 0.001 });
    expect(strict.facts.SessionCoordinator).toMatchObject({
      errorRateBelowThreshold: false,
    });
  });

  it('documents ChatRoom once its Resource links TechDocs', async () => {
    const { facts } = await factsByClass({
      edit: e =>
        e.map(x =>
          x.metadata.name === 'cf-do-ChatRoom'
            ? {
                ...x,
                metadata: {
                  ...x.metadata,
                  annotations: {
                    ...x.metadata.annotations,
                    'backstage.io/techdocs-ref':
                      'url:https://docs.example/chat',
                  },
                },
              }
            : x,
        ),
    });
    expect(facts.ChatRoom).toMatchObject({
      techDocsLinked: true,
      webSocketsDocumented: true,
    });
  });

  it('gives no fact (never a false pass) when the token may not read analytics, and logs why', async () => {
    const { facts, logged } = await factsByClass({
      config: demoCloudflareConfig({
        apiToken: DEMO_API_TOKEN_WITHOUT_ANALYTICS,
      }),
    });
    expect(facts).toEqual({});
    expect(logged).toContain(
      'no facts for resource:default/cf-do-chatroom: Cloudflare does not expose these analytics',
    );
  });

  it('checks both facts, each with its SOC 2 criterion', () => {
    expect(
      durableObjectsFacts.checks.map(c => [
        c.id,
        CLOUDFLARE_TECH_INSIGHTS_CHECKS[c.id].metadata.soc2.control,
        c.rule.conditions.all[0].fact,
      ]),
    ).toEqual([
      ['cloudflareDurableObjectErrorRate', 'CC7.2', 'errorRateBelowThreshold'],
      [
        'cloudflareDurableObjectWebSocketsDocumented',
        'CC2.2',
        'webSocketsDocumented',
      ],
    ]);
  });
});
