import { DEMO_MAP_CONTEXT, demoClient, demoState } from '../__testUtils__/demo';
import { zeroTrustArea } from './zeroTrust';

describe('zeroTrustArea', () => {
  it('reads only the Access applications and maps one entity carrying no posture', async () => {
    const state = demoState();
    const read = await zeroTrustArea.read(demoClient(state), undefined);
    expect(Object.keys(state.callCounts())).toEqual([
      'GET /accounts/:account_id/access/apps',
    ]);
    const [{ entity }, ...rest] = zeroTrustArea.map(read, DEMO_MAP_CONTEXT);
    expect(rest).toEqual([]);
    expect(entity.metadata.name).toBe('cf-zt-access');
    expect(entity.spec).toEqual({
      type: 'cloudflare-zero-trust',
      owner: 'group:default/security',
      parameters: { accountId: DEMO_MAP_CONTEXT.accountId },
    });
  });

  it('fails the area when Access cannot be read', async () => {
    const state = demoState();
    state.addFault({
      route: '/access/apps',
      fault: { kind: 'server-error', status: 503 },
    });
    await expect(
      zeroTrustArea.read(demoClient(state), undefined),
    ).rejects.toThrow();
  });
});
