import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
} from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { processingResult } from '@backstage/plugin-catalog-node';
import { cloudflareEntityName } from '@cloudflare-backstage/plugin-cloudflare-common';
import { CloudflareAnnotationProcessor } from './CloudflareAnnotationProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};
const component = (
  annotations: Record<string, string>,
  kind = 'Component',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'acme-api', namespace: 'default', annotations },
  spec: {
    type: 'service',
    owner: 'group:default/platform',
    lifecycle: 'production',
  },
});
const self = { kind: 'Component', namespace: 'default', name: 'acme-api' };
const both = (name: string) => [
  processingResult.relation({
    source: self,
    type: RELATION_DEPENDS_ON,
    target: { kind: 'resource', namespace: 'default', name },
  }),
  processingResult.relation({
    source: { kind: 'resource', namespace: 'default', name },
    type: RELATION_DEPENDENCY_OF,
    target: self,
  }),
];

describe('CloudflareAnnotationProcessor', () => {
  it('relates a Component to the Resources its cloudflare.com annotations name, both ways', async () => {
    const processor = new CloudflareAnnotationProcessor();
    expect(processor.getProcessorName()).toBe('CloudflareAnnotationProcessor');
    const emit = jest.fn();
    const entity = component({
      'cloudflare.com/worker': 'acme-api, acme-worker-consumer ,',
      'cloudflare.com/pages': 'acme-web',
      'cloudflare.com/kv': 'acme-cache',
      'cloudflare.com/durable-object': 'SessionCoordinator',
      'cloudflare.com/analytics-engine': 'acme_analytics',
      'backstage.io/techdocs-ref': 'dir:.',
    });
    await expect(
      processor.postProcessEntity(entity, location, emit),
    ).resolves.toBe(entity);
    expect(emit.mock.calls.map(c => c[0])).toEqual([
      ...both('cf-worker-acme-api'),
      ...both('cf-worker-acme-worker-consumer'),
      ...both('cf-pages-acme-web'),
      ...both('cf-kv-acme-cache'),
      ...both('cf-analytics-engine-acme_analytics'),
      ...both('cf-do-SessionCoordinator'),
    ]);
  });

  it('emits each relation once, and nothing for other kinds or unannotated Components', async () => {
    const processor = new CloudflareAnnotationProcessor();
    const emit = jest.fn();
    await processor.postProcessEntity(
      component({ 'cloudflare.com/worker': 'a, a' }),
      location,
      emit,
    );
    expect(emit).toHaveBeenCalledTimes(2);
    emit.mockClear();
    await processor.postProcessEntity(component({}), location, emit);
    await processor.postProcessEntity(
      component({ 'cloudflare.com/worker': 'a' }, 'Resource'),
      location,
      emit,
    );
    await processor.postProcessEntity(
      component({ 'cloudflare.com/worker': 'a' }, 'API'),
      location,
      emit,
    );
    expect(emit).not.toHaveBeenCalled();
  });

  it('names resources with the account hash when several accounts are configured', async () => {
    const processor = CloudflareAnnotationProcessor.fromConfig(
      new ConfigReader({
        cloudflare: {
          accounts: [
            {
              id: 'prod',
              accountId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
              apiToken: 'token-long-enough-0000000',
            },
            {
              id: 'eu',
              accountId: 'aaaabbbbccccddddeeeeffff00001111',
              apiToken: 'token-long-enough-0000000',
            },
          ],
        },
      }),
    );
    const emit = jest.fn();
    await processor.postProcessEntity(
      component({ 'cloudflare.com/worker': 'acme-api' }),
      location,
      emit,
    );
    await processor.postProcessEntity(
      component({
        'cloudflare.com/worker': 'acme-api',
        'cloudflare.com/account-id': 'eu',
      }),
      location,
      emit,
    );
    expect(emit.mock.calls[0][0]).toEqual(
      both(
        cloudflareEntityName(
          'workers',
          'acme-api',
          '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
        ),
      )[0],
    );
    expect(emit.mock.calls[2][0]).toEqual(
      both(
        cloudflareEntityName(
          'workers',
          'acme-api',
          'aaaabbbbccccddddeeeeffff00001111',
        ),
      )[0],
    );
  });

  it('uses plain names for a single configured account', async () => {
    const processor = CloudflareAnnotationProcessor.fromConfig(
      new ConfigReader({
        cloudflare: {
          accountId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
          apiToken: 'x'.repeat(30),
        },
      }),
    );
    const emit = jest.fn();
    await processor.postProcessEntity(
      component({ 'cloudflare.com/worker': 'acme-api' }),
      location,
      emit,
    );
    expect(emit.mock.calls.map(c => c[0])).toEqual(both('cf-worker-acme-api'));
  });
});
