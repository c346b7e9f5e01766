import { CLOUDFLARE_AREAS } from '@cloudflare-backstage/plugin-cloudflare-common';
import { screen, within } from '@testing-library/react';
import { postureResources } from '../../__fixtures__/posture';
import { renderPosture } from './__testUtils__/renderPosturePage';
import { InventorySection } from './InventorySection';

describe('InventorySection', () => {
  it('counts every area, links each count to the catalog, and counts per owner', async () => {
    await renderPosture(<InventorySection resources={postureResources} />);
    expect(
      screen.getByText('5 Cloudflare resources in the catalog'),
    ).toBeInTheDocument();
    for (const area of CLOUDFLARE_AREAS) {
      expect(screen.getByTestId(`inventory-area-${area.id}`)).toHaveTextContent(
        area.title,
      );
    }
    const workers = within(
      screen.getByTestId('inventory-area-workers'),
    ).getByRole('link', { name: '2 Workers resources in the catalog' });
    expect(workers).toHaveTextContent('2');
    expect(workers).toHaveAttribute(
      'href',
      '/catalog?filters[kind]=resource&filters[type]=cloudflare-worker&filters[user]=all',
    );
    const queues = screen.getByTestId('inventory-area-queues');
    expect(queues).toHaveTextContent('0');
    expect(within(queues).queryByRole('link')).not.toBeInTheDocument();

    const owners = within(screen.getByTestId('inventory-owners'))
      .getAllByRole('listitem')
      .map(li => li.dataset.testid);
    expect(owners).toEqual([
      'inventory-owner-group:default/platform',
      'inventory-owner-group:default/data',
      'inventory-owner-group:default/web',
    ]);
    const platform = screen.getByTestId(
      'inventory-owner-group:default/platform',
    );
    expect(
      within(platform).getByRole('link', { name: 'platform' }),
    ).toHaveAttribute('href', '/catalog/default/group/platform');
    expect(
      within(platform).getByRole('link', {
        name: '3 resources owned by group:default/platform',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog?filters[kind]=resource&filters[type]=cloudflare-worker&filters[type]=cloudflare-kv&filters[owners]=group%3Adefault%2Fplatform&filters[user]=all',
    );
  });

  it('links to the catalog index where the app mounts it', async () => {
    await renderPosture(<InventorySection resources={postureResources} />, {
      catalogIndexPath: '/browse',
    });
    expect(
      within(screen.getByTestId('inventory-area-workers')).getByRole('link'),
    ).toHaveAttribute(
      'href',
      '/browse?filters[kind]=resource&filters[type]=cloudflare-worker&filters[user]=all',
    );
  });

  it('says when no resource has an owner', async () => {
    await renderPosture(<InventorySection resources={[]} />);
    expect(
      screen.getByText('No Cloudflare resource has an owner yet.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('inventory-area-workers')).toHaveTextContent('0');
  });
});
