import { Entity } from '@backstage/catalog-model';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { zeroTrustRoutes } from '@cloudflare-backstage/plugin-cloudflare-common';
import { postureResources } from '../../__fixtures__/posture';
import {
  postureCatalogApi,
  postureCloudflareApi,
  renderPosture,
} from './__testUtils__/renderPosturePage';
import { CloudflarePosturePage } from './CloudflarePosturePage';

/** The fixtures' Resources, the Workers in account acc-b and the rest in acc-a. */
const twoAccounts: Entity[] = postureResources.map(r => ({
  ...r,
  metadata: {
    ...r.metadata,
    annotations: {
      'cloudflare.com/account-id':
        r.spec?.type === 'cloudflare-worker' ? 'acc-b' : 'acc-a',
    },
  },
}));

const zeroTrustReads = (api: ReturnType<typeof postureCloudflareApi>) =>
  api.read.mock.calls
    .filter(([route]) => route === zeroTrustRoutes.users)
    .map(([, request]) => request);

describe('CloudflarePosturePage with several accounts', () => {
  it('picks the first account: its inventory, its account-wide reads, its exports', async () => {
    const cloudflare = postureCloudflareApi();
    cloudflare.exportZeroTrustAudit.mockResolvedValue({
      blob: new Blob(['{}']),
      fileName: 'zt.json',
    });
    (URL as any).createObjectURL = jest.fn(() => 'blob:x');
    (URL as any).revokeObjectURL = jest.fn();
    await renderPosture(<CloudflarePosturePage />, {
      cloudflare,
      catalog: postureCatalogApi(undefined, twoAccounts),
    });
    const picker = await screen.findByTestId('posture-account-picker');
    expect(picker).toHaveTextContent('The catalog holds 2 Cloudflare accounts');
    expect(screen.getByRole('combobox')).toHaveValue('acc-a');
    // acc-a holds no Worker: the inventory counts only its own Resources.
    expect(screen.getByTestId('inventory-area-workers')).toHaveTextContent('0');
    expect(screen.getByTestId('inventory-area-pages')).toHaveTextContent('1');
    expect(await screen.findByText('a***@acme.example')).toBeInTheDocument();
    expect(zeroTrustReads(cloudflare)).toEqual([
      { params: {}, account: 'acc-a' },
    ]);
    expect(cloudflare.getAcceptance).toHaveBeenCalledWith({ account: 'acc-a' });
    fireEvent.click(screen.getByText('Export Zero Trust audit snapshot'));
    await waitFor(() =>
      expect(cloudflare.exportZeroTrustAudit).toHaveBeenCalledWith({
        account: 'acc-a',
      }),
    );
  });

  it('switches account from the picker, and opens on the account a link names', async () => {
    const cloudflare = postureCloudflareApi();
    await renderPosture(<CloudflarePosturePage />, {
      cloudflare,
      catalog: postureCatalogApi(undefined, twoAccounts),
      url: '/?account=acc-b',
    });
    const select = await screen.findByRole('combobox');
    expect(select).toHaveValue('acc-b');
    expect(screen.getByTestId('inventory-area-workers')).toHaveTextContent('2');
    fireEvent.change(select, { target: { value: 'acc-a' } });
    await waitFor(() =>
      expect(screen.getByTestId('inventory-area-workers')).toHaveTextContent(
        '0',
      ),
    );
    await waitFor(() =>
      expect(zeroTrustReads(cloudflare)).toContainEqual({
        params: {},
        account: 'acc-a',
      }),
    );
    expect(zeroTrustReads(cloudflare)).toContainEqual({
      params: {},
      account: 'acc-b',
    });
  });

  it('shows no picker and names no account with one account', async () => {
    const cloudflare = postureCloudflareApi();
    const oneAccount = twoAccounts.map(r => ({
      ...r,
      metadata: {
        ...r.metadata,
        annotations: { 'cloudflare.com/account-id': 'acc-a' },
      },
    }));
    await renderPosture(<CloudflarePosturePage />, {
      cloudflare,
      catalog: postureCatalogApi(undefined, oneAccount),
      url: '/?account=acc-a',
    });
    expect(await screen.findByText('a***@acme.example')).toBeInTheDocument();
    expect(
      screen.queryByTestId('posture-account-picker'),
    ).not.toBeInTheDocument();
    expect(screen.getByTestId('inventory-area-workers')).toHaveTextContent('2');
    expect(zeroTrustReads(cloudflare)).toEqual([{ params: {} }]);
    expect(cloudflare.getAcceptance).toHaveBeenCalledWith();
  });
});
