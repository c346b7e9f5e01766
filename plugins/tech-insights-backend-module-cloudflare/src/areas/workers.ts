import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import {
  CloudflareFactRetrieverOptions,
  factsPerEntity,
  openEntities,
  areaResourceFilter,
} from '../common';
import { lastDeploymentIn } from './lastDeployment';
import { CloudflareAreaFacts } from './types';

/** Id of the Worker plaintext secrets retriever: its key under `techInsights.factRetrievers` and its `factIds`. */
export const WORKER_PLAINTEXT_SECRETS_RETRIEVER_ID =
  'cloudflareWorkerPlaintextSecretsFactRetriever';

/** A binding as the catalog module's Worker entity states it: type and name, never a value. */
interface BindingSummary {
  type: string;
  name: string;
  credentialLike?: boolean;
}

/** `spec.parameters.bindings` of a Worker entity, or undefined when the catalog has not read them. */
function bindingsOf(entity: Entity): BindingSummary[] | undefined {
  const { bindings } = (entity.spec?.parameters ?? {}) as {
    bindings?: unknown;
  };
  if (!Array.isArray(bindings)) return undefined;
  return bindings.filter(
    (b): b is BindingSummary =>
      typeof b?.type === 'string' && typeof b?.name === 'string',
  );
}

/**
 * Builds the Worker plaintext secrets fact retriever (SOC 2 CC6.1, logical access security; the
 * spec's Access Hygiene "secrets centralized in Secrets Store, no per-Worker plaintext secrets"):
 * for each Worker `Resource`, how many of its bindings hold a secret the Worker keeps itself
 * (`secret_text`), how many `plain_text` or `json` bindings are named like a credential
 * (`STRIPE_API_KEY`: a secret in plain text), and how many come from the Secrets Store
 * (`secrets_store_secret`). Reads only the catalog (the Worker entity's `spec.parameters.bindings`:
 * types and names, never values); a Worker whose bindings the catalog has not read gets no fact,
 * never a false pass.
 */
export function createCloudflareWorkerPlaintextSecretsFactRetriever(
  options: CloudflareFactRetrieverOptions = {},
): FactRetriever {
  const id = WORKER_PLAINTEXT_SECRETS_RETRIEVER_ID;
  const entityFilter = areaResourceFilter('workers');
  return {
    id,
    version: '1.0.0',
    title: 'Cloudflare Worker plaintext secrets',
    description:
      'Whether each Worker takes its secrets from the Secrets Store rather than holding them in secret_text or credential-like plain_text bindings (SOC 2 CC6.1).',
    entityFilter,
    schema: {
      secretTextBindings: {
        type: 'integer',
        description:
          'Bindings of type secret_text (a secret kept by the Worker)',
      },
      credentialPlainTextBindings: {
        type: 'integer',
        description:
          'plain_text or json bindings whose name looks like a credential (a secret in plain text)',
      },
      secretsStoreBindings: {
        type: 'integer',
        description:
          'Bindings of type secrets_store_secret (a Secrets Store secret)',
      },
      noPlaintextSecrets: {
        type: 'boolean',
        description:
          'True when the Worker has no secret_text and no credential-like plain_text or json binding',
      },
    },
    handler: async ctx => {
      const now = (options.now ?? DateTime.now)();
      const entities = await openEntities(
        ctx,
        id,
        entityFilter,
        options.catalog,
      );
      if (!entities) return [];
      return factsPerEntity(ctx, id, entities, now, async entity => {
        const bindings = bindingsOf(entity);
        if (!bindings) return undefined;
        const count = (p: (b: BindingSummary) => boolean) =>
          bindings.filter(p).length;
        const secretTextBindings = count(b => b.type === 'secret_text');
        const credentialPlainTextBindings = count(
          b =>
            (b.type === 'plain_text' || b.type === 'json') &&
            !!b.credentialLike,
        );
        return {
          secretTextBindings,
          credentialPlainTextBindings,
          secretsStoreBindings: count(b => b.type === 'secrets_store_secret'),
          noPlaintextSecrets:
            secretTextBindings === 0 && credentialPlainTextBindings === 0,
        };
      });
    },
  };
}

/**
 * Workers: each Worker `Resource` carries its active deployment (`spec.parameters.lastDeployment`),
 * which the deployment provenance and audit retrievers read, and its bindings' types and names
 * (`spec.parameters.bindings`), on which the check "no Worker holds plaintext secrets where a
 * Secrets Store binding would do" (SOC 2 CC6.1) runs. The check is about Workers, so it sits with
 * the Workers facts: an area's retrievers state facts about its own `Resource` entities.
 */
export const workersFacts: CloudflareAreaFacts = {
  lastDeployment: lastDeploymentIn('scriptName'),
  retrievers: [createCloudflareWorkerPlaintextSecretsFactRetriever()],
  checks: [
    {
      id: 'cloudflareWorkerSecretsCentralized',
      type: 'json-rules-engine',
      name: 'Worker secrets come from the Secrets Store',
      description:
        'SOC 2 CC6.1 (logical access security): no Worker holds a plaintext secret where a Secrets Store binding would do: no secret_text binding, and no plain_text or json binding named like a credential (such as STRIPE_API_KEY). Secrets centralized in the Secrets Store are managed, scoped and rotated in one place.',
      factIds: [WORKER_PLAINTEXT_SECRETS_RETRIEVER_ID],
      rule: {
        conditions: {
          all: [{ fact: 'noPlaintextSecrets', operator: 'equal', value: true }],
        },
      },
    },
  ],
};
