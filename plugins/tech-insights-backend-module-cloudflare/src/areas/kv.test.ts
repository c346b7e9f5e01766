import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import { component } from '../__fixtures__/catalog';
import { demoKvResources } from '../__fixtures__/kv';
import {
  demoCloudflareConfig,
  loggedText,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import { createCloudflareKvPiiRetentionFactRetriever, kvFacts } from './kv';
import { CLOUDFLARE_TECH_INSIGHTS_CHECKS } from '../checks';

const titleOf = (e: Entity) => (e.spec!.parameters as any).title;

/** The retriever's facts over the demo account's namespaces (after `edit`), by namespace title. */
async function factsByTitle(
  options: {
    config?: ReturnType<typeof demoCloudflareConfig>;
    piiTag?: string;
    edit?: (e: Entity[]) => Entity[];
  } = {},
) {
  const config = options.config ?? demoCloudflareConfig();
  const client = CloudflareClient.fromConfig(new ConfigReader(config));
  const entities = (options.edit ?? (e => e))(await demoKvResources(client));
  const titles = new Map(
    entities
      .filter(e => e.kind === 'Resource')
      .map(e => [e.metadata.name, titleOf(e)]),
  );
  const catalog = new InMemoryCatalogClient({ entities });
  const retriever = createCloudflareKvPiiRetentionFactRetriever({
    catalog: () => catalog,
    piiTag: options.piiTag,
  });
  const { ctx, logger } = retrieverContext(config);
  const facts = await retriever.handler(ctx);
  return {
    facts: Object.fromEntries(
      facts.map(f => [titles.get(f.entity.name), f.facts]),
    ),
    logged: loggedText(logger),
  };
}

describe('KV personal data retention facts', () => {
  useDemoAccount();

  it('passes acme-sessions (its keys expire) and fails acme-eu-profiles (a key never expires, no TechDocs)', async () => {
    const { facts, logged } = await factsByTitle();
    expect(facts['acme-sessions']).toEqual({
      piiTagged: true,
      ttlPolicy: true,
      techDocsLinked: false,
      piiRetentionDefined: true,
    });
    expect(facts['acme-eu-profiles']).toEqual({
      piiTagged: true,
      ttlPolicy: false,
      techDocsLinked: false,
      piiRetentionDefined: false,
    });
    expect(facts['acme-config']).toMatchObject({
      piiTagged: false,
      ttlPolicy: false,
      piiRetentionDefined: true,
    });
    for (const canary of ALL_SECRET_CANARIES) {
      expect(JSON.stringify(facts)).not.toContain(canary);
      expect(logged).not.toContain(canary);
    }
  });

  it('passes acme-eu-profiles once a Component depending on it, or the namespace itself, links TechDocs', async () => {
    const viaComponent = await factsByTitle({
      edit: e => [
        ...e,
        component('acme-profiles', {
          'cloudflare.com/kv': 'acme-eu-profiles',
          'backstage.io/techdocs-ref': 'dir:.',
        }),
      ],
    });
    expect(viaComponent.facts['acme-eu-profiles']).toMatchObject({
      techDocsLinked: true,
      piiRetentionDefined: true,
    });
    const undocumented = await factsByTitle({
      edit: e => [
        ...e,
        component('acme-profiles', { 'cloudflare.com/kv': 'acme-eu-profiles' }),
      ],
    });
    expect(undocumented.facts['acme-eu-profiles'].piiRetentionDefined).toBe(
      false,
    );
    const onResource = await factsByTitle({
      edit: e =>
        e.map(r =>
          titleOf(r) === 'acme-eu-profiles'
            ? {
                ...r,
                metadata: {
                  ...r.metadata,
                  annotations: {
                    ...r.metadata.annotations,
                    'backstage.io/techdocs-ref': 'url:https://docs.example/kv',
                  },
                },
              }
            : r,
        ),
    });
    expect(onResource.facts['acme-eu-profiles'].piiRetentionDefined).toBe(true);
  });

  it('reads the PII tag from techInsights.cloudflare.kv.piiTag (a key alone matches any value)', async () => {
    const { facts } = await factsByTitle({
      config: {
        ...demoCloudflareConfig(),
        techInsights: { cloudflare: { kv: { piiTag: 'backstage-owner' } } },
      },
    });
    expect(facts['acme-cache'].piiTagged).toBe(true);
    expect(facts['acme-sessions'].piiTagged).toBe(true);
    expect(facts['acme-eu-profiles']).toMatchObject({
      piiTagged: false,
      piiRetentionDefined: true,
    });
    const exact = await factsByTitle({ piiTag: 'backstage-owner=platform' });
    expect(exact.facts['acme-cache'].piiTagged).toBe(true);
    expect(exact.facts['acme-sessions'].piiTagged).toBe(false);
  });

  it('gives no fact to a namespace the catalog has not sampled yet', async () => {
    const { facts } = await factsByTitle({
      edit: entities =>
        entities.map(e => {
          const { ttlPolicy: _ttl, ...rest } = e.spec!.parameters as any;
          return { ...e, spec: { ...e.spec, parameters: rest } };
        }),
    });
    expect(facts).toEqual({});
  });

  it('declares one check over its retriever, naming SOC 2 P4.2', () => {
    expect(
      kvFacts.checks.map(c => [
        c.id,
        CLOUDFLARE_TECH_INSIGHTS_CHECKS[c.id].metadata.soc2.control,
      ]),
    ).toEqual([['cloudflareKvPiiRetention', 'P4.2']]);
    expect(kvFacts.checks[0].factIds).toEqual(
      kvFacts.retrievers.map(r => r.id),
    );
  });
});
