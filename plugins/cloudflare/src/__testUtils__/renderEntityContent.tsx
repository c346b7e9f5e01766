import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { CloudflareEnvelope } from '@cloudflare-backstage/plugin-cloudflare-common';
import { CloudflareApi, cloudflareApiRef } from '../api';
import { answerReads, mockCloudflareApi } from '../testUtils';

/**
 * Renders `content` for `entity` in a test app whose Cloudflare API answers `answers` (see
 * {@link answerReads}) and whose catalog holds `catalog`; returns the API mock, for a card test to
 * check what was read.
 */
export async function renderEntityContent(
  entity: Entity,
  content: JSX.Element,
  options: {
    answers: Record<string, CloudflareEnvelope<unknown> | Error>;
    catalog: Entity[];
  },
): Promise<jest.Mocked<CloudflareApi>> {
  const api = mockCloudflareApi();
  answerReads(api, options.answers);
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cloudflareApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: options.catalog })],
      ]}
    >
      <EntityProvider entity={entity}>{content}</EntityProvider>
    </TestApiProvider>,
  );
  return api;
}
