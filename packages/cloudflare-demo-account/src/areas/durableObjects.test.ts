import Cloudflare from 'cloudflare';
import { sdk, useDemoAccount } from '../__testUtils__/sdk';
import {
  generateDurableObjectsData,
  SESSION_COORDINATOR_NAMESPACE_ID,
} from '../fixtures/durableObjects';
import { createRng } from '../rng';

describe('Durable Objects area', () => {
  const demo = useDemoAccount();
  const account_id = demo.account_id;

  it('lists namespaces across pages, including SessionCoordinator in acme-session', async () => {
    const namespaces = [];
    for await (const ns of sdk().durableObjects.namespaces.list({
      account_id,
      per_page: 3,
    }))
      namespaces.push(ns);
    expect(namespaces.map(ns => ns.class)).toEqual([
      'SessionCoordinator',
      'RateLimiter',
      'ChatRoom',
      'RendererContainer',
    ]);
    expect(namespaces[0]).toEqual({
      id: SESSION_COORDINATOR_NAMESPACE_ID,
      name: 'acme-session_SessionCoordinator',
      class: 'SessionCoordinator',
      script: 'acme-session',
      use_sqlite: true,
    });
  });

  it('pages objects by cursors.after at the default limit', async () => {
    const ids: string[] = [];
    for await (const o of sdk().durableObjects.namespaces.objects.list(
      SESSION_COORDINATOR_NAMESPACE_ID,
      { account_id },
    )) {
      ids.push(o.id ?? '');
    }
    expect(ids).toHaveLength(2345);
    expect(new Set(ids).size).toBe(2345);
    expect(ids[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(
      demo.state.callCounts()[
        'GET /accounts/:account_id/workers/durable_objects/namespaces/:id/objects'
      ],
    ).toBe(3);
  });

  it('sends both result_info.cursor and cursors.after', async () => {
    const page = await sdk().durableObjects.namespaces.objects.list(
      SESSION_COORDINATOR_NAMESPACE_ID,
      { account_id, limit: 10 },
    );
    const body = await (
      await sdk()
        .durableObjects.namespaces.objects.list(
          SESSION_COORDINATOR_NAMESPACE_ID,
          { account_id, limit: 10 },
        )
        .asResponse()
    ).json();
    expect(page.result).toHaveLength(10);
    expect(body.result_info.cursor).toBeTruthy();
    expect(body.result_info.cursors.after).toBe(body.result_info.cursor);
    expect(body.result_info.count).toBe(10);
  });

  it('answers an unknown namespace with NotFoundError', async () => {
    await expect(
      sdk().durableObjects.namespaces.objects.list('nope', { account_id }),
    ).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('generates scale-mode data deterministically from the seed', () => {
    const first = generateDurableObjectsData(createRng(7), 40);
    const second = generateDurableObjectsData(createRng(7), 40);
    expect(first.namespaces).toHaveLength(40);
    expect(first.namespaces.map(n => n.id)).toEqual(
      second.namespaces.map(n => n.id),
    );
    expect(generateDurableObjectsData(createRng(7), 0).namespaces).toHaveLength(
      0,
    );
  });
});
