import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { Entity } from '@backstage/catalog-model';
import { ALL_SECRET_CANARIES } from '@cloudflare-backstage/cloudflare-demo-account';
import {
  demoCatalog,
  loggedText,
  retrieverContext,
  useDemoAccount,
} from '../__testUtils__/demo';
import {
  createCloudflareWorkerPlaintextSecretsFactRetriever,
  workersFacts,
} from './workers';
import { CLOUDFLARE_TECH_INSIGHTS_CHECKS } from '../checks';

/** The retriever's facts over the demo account's Workers (after `edit`), by script name. */
async function factsByScript(edit: (e: Entity[]) => Entity[] = e => e) {
  const catalog = new InMemoryCatalogClient({
    entities: edit(
      (await (await demoCatalog()).getEntities()).items.filter(
        e => e.spec?.type === 'cloudflare-worker',
      ),
    ),
  });
  const retriever = createCloudflareWorkerPlaintextSecretsFactRetriever({
    catalog: () => catalog,
  });
  const { ctx, logger } = retrieverContext();
  const facts = await retriever.handler(ctx);
  return {
    facts: Object.fromEntries(
      facts.map(f => [f.entity.name.replace(/^cf-worker-/, ''), f.facts]),
    ),
    logged: loggedText(logger),
  };
}

describe('Worker plaintext secrets facts', () => {
  useDemoAccount();

  it('fails acme-api and acme-worker-consumer, passes acme-reports (Secrets Store) and Workers without secrets', async () => {
    const { facts, logged } = await factsByScript();
    expect(facts['acme-api']).toEqual({
      secretTextBindings: 1,
      credentialPlainTextBindings: 1,
      secretsStoreBindings: 1,
      noPlaintextSecrets: false,
    });
    expect(facts['acme-worker-consumer']).toEqual({
      secretTextBindings: 1,
      credentialPlainTextBindings: 0,
      secretsStoreBindings: 0,
      noPlaintextSecrets: false,
    });
    expect(facts['acme-reports']).toEqual({
      secretTextBindings: 0,
      credentialPlainTextBindings: 0,
      secretsStoreBindings: 1,
      noPlaintextSecrets: true,
    });
    expect(facts['acme-edge-router'].noPlaintextSecrets).toBe(true);
    expect(Object.keys(facts)).toHaveLength(9);
    for (const canary of ALL_SECRET_CANARIES) {
      expect(JSON.stringify(facts)).not.toContain(canary);
      expect(logged).not.toContain(canary);
    }
  });

  it('gives no fact to a Worker whose bindings the catalog has not read, never a false pass', async () => {
    const { facts } = await factsByScript(entities =>
      entities.map(e => {
        if (e.metadata.name !== 'cf-worker-acme-api') return e;
        const { bindings: _b, ...rest } = e.spec!.parameters as any;
        return { ...e, spec: { ...e.spec, parameters: rest } };
      }),
    );
    expect(facts).not.toHaveProperty('acme-api');
    expect(facts['acme-reports'].noPlaintextSecrets).toBe(true);
  });

  it('declares one check over its retriever, naming SOC 2 CC6.1', () => {
    expect(
      workersFacts.checks.map(c => [
        c.id,
        CLOUDFLARE_TECH_INSIGHTS_CHECKS[c.id].metadata.soc2.control,
      ]),
    ).toEqual([['cloudflareWorkerSecretsCentralized', 'CC6.1']]);
    expect(workersFacts.checks[0].factIds).toEqual(
      workersFacts.retrievers.map(r => r.id),
    );
  });
});
