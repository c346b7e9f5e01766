import { BrowserRenderingSettings } from '@cloudflare-backstage/cloudflare-client';
import { cloudflareResourceEntity, resourceRefIn } from './entity';
import { defineCatalogArea } from './types';
import { workersArea } from './workers';

/** What the Browser Rendering area reads: the configured name and plan, and who binds a browser. */
export interface BrowserRenderingRead {
  /** `cloudflare.browserRendering.name` (default: the account id) and `.plan`. */
  settings: BrowserRenderingSettings;
  /** Worker scripts with a `browser` binding, sorted. */
  workers: string[];
}

/**
 * Browser Rendering (Browser Run): one `Resource` per account, `cf-browser-rendering-<name>` (type
 * `cloudflare-browser-rendering`), named by `cloudflare.browserRendering.name` (default: the
 * account id, so two accounts never share a name), with the plan from
 * `cloudflare.browserRendering.plan` (Cloudflare exposes no plan, usage or limits API) and the
 * usage window of its routes (24h). Sessions are not copied: they change by the second; the
 * Resource page's card reads them live.
 *
 * Relations: every Worker with a `browser` binding is in its `spec.dependencyOf` (the Worker
 * depends on the account's browsers), from the run's Workers read (`run.readOf(workersArea)`);
 * a Component's `cloudflare.com/browser-rendering: <name>` meets the same entity.
 *
 * Calls: one (the session list, limit 1: the token reads Browser Rendering; its answer is not
 * kept). The settings are configuration; the bindings come from the Workers read.
 */
export const browserRenderingArea = defineCatalogArea<BrowserRenderingRead>({
  async read(client, _previous, run) {
    // One session (limit 1): proves the token reads Browser Rendering, so a fault keeps the last
    // good entity like any area's, and a run where Cloudflare fails throughout applies nothing.
    await client.browserRendering.listSessions({ limit: 1 });
    const workers = run?.readOf?.(workersArea) ?? [];
    return {
      settings: client.browserRendering.settings(),
      workers: workers
        .filter(w => w.bindings.some(b => b.type === 'browser'))
        .map(w => w.script.id)
        .sort(),
    };
  },

  map: ({ settings, workers }, ctx) => [
    cloudflareResourceEntity(ctx, {
      area: 'browserRendering',
      resourceName: settings.name,
      description: 'Headless browser pool for capture/render (Browser Run)',
      dependencyOf: workers.map(w => resourceRefIn(ctx, 'workers', w)),
      parameters: {
        accountId: ctx.accountId,
        name: settings.name,
        plan: settings.plan,
        usageWindow: '24h',
        workers,
      },
    }),
  ],
});
