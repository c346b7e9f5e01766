import {
  DemoAccountData,
  SECRET_CANARIES,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { CloudflareContractedAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { D1_CORE } from '../__fixtures__/routeExamples';

/**
 * Secrets planted in the demo account where an area's read could carry them (unknown fields, rules,
 * credential-like tags), beside those its data holds already; returns further strings that must
 * never appear either (the planted tags' keys). The generic route test plants them in a copy of the
 * data and reads every route of the area, masked and unmasked.
 */
export const CANARY_PLANTS: Partial<
  Record<CloudflareContractedAreaId, (data: DemoAccountData) => string[]>
> = {
  d1: data => {
    const core = data.d1.databases.find(d => d.uuid === D1_CORE)!;
    Object.assign(core, { password: SECRET_CANARIES.apiTokenValue });
    const tagged = data.tags.resources.find(r => r.id === D1_CORE)!;
    tagged.tags = { ...tagged.tags, api_token: SECRET_CANARIES.apiTokenValue };
    return ['api_token'];
  },
  aiGateway: data => {
    const [gateway] = data.aiGateway.gateways;
    Object.assign(gateway, {
      api_key: SECRET_CANARIES.apiTokenValue,
      logpush_public_key: SECRET_CANARIES.accessClientSecret,
    });
    for (const log of data.aiGateway.logs[gateway.id])
      Object.assign(log, {
        request_head: `authorization: Bearer ${SECRET_CANARIES.apiTokenValue}`,
        response_head: SECRET_CANARIES.kvTokenShapedValue,
      });
    for (const config of data.aiGateway.providerConfigs[gateway.id])
      Object.assign(config, { secret: SECRET_CANARIES.secretsStoreValue });
    return [];
  },
  hyperdrive: data => {
    const [acme] = data.hyperdrive.configs;
    Object.assign(acme, { connection_string: SECRET_CANARIES.apiTokenValue });
    Object.assign(acme.origin, {
      private_key: SECRET_CANARIES.secretsStoreValue,
    });
    return [];
  },
  containers: data => {
    const [converter, renderer] = data.containers.applications;
    Object.assign(converter, {
      registry_password: SECRET_CANARIES.apiTokenValue,
    });
    Object.assign(renderer, {
      configuration: {
        ...renderer.configuration,
        environment_variables: [
          { name: 'RENDER_TOKEN', value: SECRET_CANARIES.secretsStoreValue },
        ],
      },
    });
    for (const i of data.containers.instances[converter.id].slice(0, 3))
      Object.assign(i, { env: { TOKEN: SECRET_CANARIES.kvTokenShapedValue } });
    return [];
  },
  durableObjects: data => {
    const [session, limiter] = data.durableObjects.namespaces;
    Object.assign(session, { env_secret: SECRET_CANARIES.apiTokenValue });
    for (const o of data.durableObjects.objects[limiter.id].slice(0, 3))
      Object.assign(o, { name: SECRET_CANARIES.kvTokenShapedValue });
    data.tags.resources.push({
      ...data.tags.resources.find(t => t.type === 'r2_bucket')!,
      type: 'durable_object_namespace',
      id: session.id,
      name: session.name!,
      tags: { 'session-token': SECRET_CANARIES.accessClientSecret },
    });
    return ['session-token'];
  },
  secretsStore: data => {
    const [store] = data.secretsStore.stores;
    Object.assign(store, { api_token: SECRET_CANARIES.apiTokenValue });
    const secrets = data.secretsStore.secrets[store.id];
    for (const secret of secrets)
      secret.value ??= SECRET_CANARIES.secretsStoreValue;
    secrets[2].name = SECRET_CANARIES.kvTokenShapedValue;
    return ['api_token'];
  },
  analyticsEngine: data => {
    // A token a Worker logged into blob1 (the route example selects it), and a credential on the
    // analytics_engine binding the datasets come from (an unknown field the client drops).
    const dataset = data.analyticsEngine.datasets.find(
      d => d.name === 'acme_analytics',
    )!;
    dataset.points[1].blobs[0] = SECRET_CANARIES.kvTokenShapedValue;
    const binding = data.workers.settings['acme-chat'].bindings!.find(
      b => b.type === 'analytics_engine',
    )!;
    Object.assign(binding, { api_token: SECRET_CANARIES.apiTokenValue });
    return [];
  },
  r2: data => {
    const artifacts = data.r2.buckets.find(
      b => b.bucket.name === 'acme-prod-artifacts',
    )!;
    Object.assign(artifacts.bucket, {
      access_key_secret: SECRET_CANARIES.apiTokenValue,
    });
    for (const rule of artifacts.lifecycle.rules!)
      Object.assign(rule, { secret: SECRET_CANARIES.secretsStoreValue });
    for (const rule of artifacts.lock.rules!)
      Object.assign(rule, { token: SECRET_CANARIES.accessClientSecret });
    data.tags.resources.push({
      ...data.tags.resources.find(t => t.type === 'r2_bucket')!,
      id: 'acme-static-assets',
      tags: { 'deploy-token': SECRET_CANARIES.kvTokenShapedValue },
    });
    return ['deploy-token'];
  },
  vectorize: data => {
    const [main] = data.vectorize.indexes;
    Object.assign(main.index, { api_token: SECRET_CANARIES.apiTokenValue });
    Object.assign(main.index.config!, {
      secret: SECRET_CANARIES.secretsStoreValue,
    });
    Object.assign(main.info, { token: SECRET_CANARIES.accessClientSecret });
    main.metadataIndexes.push(
      Object.assign(
        { propertyName: 'tenant', indexType: 'string' as const },
        { credential: SECRET_CANARIES.kvCredentialValue },
      ),
    );
    data.tags.resources.push({
      ...data.tags.resources.find(t => t.type === 'r2_bucket')!,
      type: 'vectorize_index',
      id: 'acme-idx-docs',
      name: 'acme-idx-docs',
      tags: { 'ingest-token': SECRET_CANARIES.kvTokenShapedValue },
    });
    return ['ingest-token'];
  },
  workflows: data => {
    // Step outputs, run outputs, error messages and unknown fields: none may leave the client.
    const [etl, onboarding] = data.workflows.workflows;
    Object.assign(etl.workflow, { api_token: SECRET_CANARIES.apiTokenValue });
    for (const record of [etl, onboarding]) {
      Object.assign(record.versions.versions[0], {
        deploy_token: SECRET_CANARIES.buildsEnvValue,
      });
      for (const detail of Object.values(record.details)) {
        detail.output = SECRET_CANARIES.secretsStoreValue;
        if (detail.error)
          detail.error.message = SECRET_CANARIES.accessClientSecret;
        for (const step of detail.steps)
          Object.assign(step, {
            output: SECRET_CANARIES.kvCredentialValue,
            attempts: ('attempts' in step ? step.attempts : []).map(a => ({
              ...a,
              error: a.error && {
                ...a.error,
                message: SECRET_CANARIES.accessClientSecret,
              },
            })),
          });
      }
    }
    const graph = Object.values(etl.versions.graphs)[0].graph!;
    Object.assign(graph.workflow.nodes[0], {
      secret: SECRET_CANARIES.apiTokenValue,
    });
    return [];
  },
  queues: data => {
    const [events] = data.queues.queues;
    Object.assign(events.queue, {
      last_message: SECRET_CANARIES.queueMessageBody,
    });
    Object.assign(events.queue.consumers![0], {
      auth_token: SECRET_CANARIES.apiTokenValue,
    });
    Object.assign(events.metrics, {
      oldest_message_body: SECRET_CANARIES.queueMessageBody,
    });
    Object.assign(data.queues.subscriptions[0].source, {
      token: SECRET_CANARIES.accessClientSecret,
    });
    return [];
  },
  aiSearch: data => {
    const [site, docs] = data.aiSearch.instances;
    Object.assign(site.instance, { api_key: SECRET_CANARIES.apiTokenValue });
    Object.assign(site.stats, {
      file_embed_errors: {
        [`docs/${SECRET_CANARIES.secretsStoreValue}.md`]: 'embed failed',
      },
    });
    docs.stats.index_source_errors = {
      'acme-static-assets': SECRET_CANARIES.accessClientSecret,
    };
    docs.jobs[0].description = SECRET_CANARIES.kvTokenShapedValue;
    return [];
  },
};

/**
 * Plants an area's secrets (see {@link CANARY_PLANTS}) in a copy of the demo account's data; `undo`
 * puts the original back. Returns the strings that must never appear.
 */
export function plantCanaries(
  state: { data: DemoAccountData },
  area: CloudflareContractedAreaId,
): { absent: string[]; undo: () => void } {
  const original = state.data;
  state.data = structuredClone(original);
  const absent = CANARY_PLANTS[area]?.(state.data) ?? [];
  return {
    absent,
    undo: () => {
      state.data = original;
    },
  };
}
