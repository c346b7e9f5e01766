import { CloudflareAreaId } from '@cloudflare-backstage/plugin-cloudflare-common';
import { ComponentType } from 'react';
import { PagesDeploymentsCard } from './PagesDeploymentsCard';
import { WorkersDeploymentsCard } from './WorkersDeploymentsCard';

/**
 * The dedicated card of each area that has one. Every other annotated area gets the generic card.
 * Adding a card for an area is one line here.
 */
export const AREA_CARDS: Partial<
  Record<CloudflareAreaId, ComponentType<{ name?: string }>>
> = {
  workers: WorkersDeploymentsCard,
  pages: PagesDeploymentsCard,
};
