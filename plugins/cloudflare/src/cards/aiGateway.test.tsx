import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  AiGatewayMetrics,
  aiGatewayRoutes,
  CloudflareEnvelope,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  acmeAiGatewayMetrics,
  acmeAiGatewayResource,
} from '../__fixtures__/aiGateway';
import { cloudflareApiRef } from '../api';
import { CloudflareEntityCard } from '../components/CloudflareCard';
import { EntityCloudflareResourceContent } from '../components/EntityCloudflareResourceContent';
import { answerReads, component, mockCloudflareApi } from '../testUtils';
import { aiGatewayCard, aiGatewayPolicyInWords } from './aiGateway';

async function render(
  entity: Entity,
  content: JSX.Element,
  options: {
    catalog?: Entity[];
    metrics?: CloudflareEnvelope<AiGatewayMetrics>;
  } = {},
) {
  const api = mockCloudflareApi();
  answerReads(api, {
    'aiGateway.metrics': options.metrics ?? acmeAiGatewayMetrics,
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cloudflareApiRef, api],
        [
          catalogApiRef,
          catalogApiMock({
            entities: options.catalog ?? [acmeAiGatewayResource],
          }),
        ],
      ]}
    >
      <EntityProvider entity={entity}>{content}</EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

const assistant = component('acme-ai-assistant', {
  'cloudflare.com/ai-gateway': 'acme-ai-gateway',
});

describe('aiGatewayCard', () => {
  it("reads the annotated gateway's metrics and shows them with its policy from the Resource entity", async () => {
    const api = await render(
      assistant,
      <CloudflareEntityCard card={aiGatewayCard} />,
    );
    expect(await screen.findByText('26.7%')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(aiGatewayRoutes.metrics, {
      params: { name: 'acme-ai-gateway' },
    });
    expect(screen.getByText('4 (8.9%)')).toBeInTheDocument();
    expect(screen.getByText('601 / 1040 ms')).toBeInTheDocument();
    expect(screen.getByText('anthropic 15 · openai 15')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Rate limit 600 requests per 60 s (sliding); retries up to 3 times (exponential, 1000 ms); cached for 300 s. Metrics of the newest 45 log entries (all the gateway keeps); prompts and responses are never read.',
      ),
    ).toBeInTheDocument();
  });

  it('says when the gateway collects no logs, and that its flags are not in the catalog yet', async () => {
    const item: AiGatewayMetrics = {
      ...acmeAiGatewayMetrics.item!,
      gateway: 'acme-playground',
      logCollection: false,
      sample: { entries: 0, limit: 200, pages: 1, complete: true },
      requests: 0,
      errors: 0,
      errorRate: undefined,
      cacheHitRate: undefined,
      latencyMs: undefined,
      providers: [],
    };
    await render(
      component('playground', {
        'cloudflare.com/ai-gateway': 'acme-playground',
      }),
      <CloudflareEntityCard card={aiGatewayCard} />,
      { catalog: [], metrics: { ...acmeAiGatewayMetrics, item } },
    );
    expect(
      await screen.findByText(
        'Its policy flags are not in the catalog yet. The gateway does not collect logs, so there is nothing to measure.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('0 (—)')).toBeInTheDocument();
  });

  it('puts a gateway without rate limit or retries in words', () => {
    expect(
      aiGatewayPolicyInWords({
        ...acmeAiGatewayResource,
        spec: {
          ...acmeAiGatewayResource.spec,
          parameters: {
            rateLimiting: { enabled: false },
            retries: { enabled: false },
            caching: { enabled: false },
          },
        },
      }),
    ).toBe('No rate limit; no retries; not cached');
  });

  it("shows on the gateway's own Resource page", async () => {
    const api = await render(
      acmeAiGatewayResource,
      <EntityCloudflareResourceContent />,
      { catalog: [] },
    );
    expect(await screen.findByText('26.7%')).toBeInTheDocument();
    expect(api.read).toHaveBeenCalledWith(aiGatewayRoutes.metrics, {
      params: { name: 'acme-ai-gateway' },
    });
  });
});
