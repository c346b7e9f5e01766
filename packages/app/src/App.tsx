import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import techdocsPlugin from '@backstage/plugin-techdocs/alpha';
import cloudflarePlugin from '@cloudflare-backstage/plugin-cloudflare/alpha';
import { navModule } from './modules/nav';

export default createApp({
  features: [catalogPlugin, techdocsPlugin, cloudflarePlugin, navModule],
});
