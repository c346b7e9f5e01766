import { z } from 'zod';
import {
  ContainerService,
  ContainerStatus,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { CloudflareApiError } from '../errors';
import { Redaction, noteSecretFields } from '../redaction';

const AREA = 'containers';

/** Applications a page (the page-token lists take `per_page`). */
const APPS_PAGE = 100;
/** Instances a page of `instances-v2`. */
const INSTANCES_PAGE = 100;
/** At most this many instances-list calls for one application's status. */
const INSTANCE_PAGES = 10;

/** An application as the applications list and `get` give it: both variants, told apart by shape. */
const applicationSchema = z.object({
  id: z.string(),
  name: z.string(),
  scheduling_policy: z.string().nullish(),
  instances: z.number().int().nonnegative().nullish(),
  max_instances: z.number().int().nonnegative().nullish(),
  version: z.number().int().nonnegative().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  configuration: z
    .object({
      image: z.string().nullish(),
      instance_type: z.string().nullish(),
      // Names only: `value` is secret and dropped here (noted as a redaction before parsing).
      environment_variables: z.array(z.object({ name: z.string() })).nullish(),
    })
    .nullish(),
  constraints: z
    .object({
      jurisdiction: z.string().nullish(),
      regions: z.array(z.string()).nullish(),
    })
    .nullish(),
  durable_objects: z.object({ namespace_id: z.string() }).nullish(),
  health: z
    .object({
      instances: z
        .object({
          active: z.number().int().nonnegative().nullish(),
          assigned: z.number().int().nonnegative().nullish(),
          starting: z.number().int().nonnegative().nullish(),
        })
        .nullish(),
      // Each event's free-form `details` is dropped: it may carry anything.
      errors: z
        .array(
          z.object({
            instance_id: z.string().nullish(),
            event: z.object({
              name: z.string(),
              type: z.string().nullish(),
              time: z.string().nullish(),
              message: z.string().nullish(),
            }),
          }),
        )
        .nullish(),
      summary: z.string().nullish(),
    })
    .nullish(),
});

type RawApplication = z.output<typeof applicationSchema>;

const instanceSchema = z.object({
  id: z.string(),
  status: z.object({ state: z.string() }),
});

/** `registry/name:tag` -> name and tag; a digest (`@sha256:...`) counts as the tag. */
export function splitImage(image: string): { name: string; tag?: string } {
  const at = image.indexOf('@');
  if (at >= 0) return { name: image.slice(0, at), tag: image.slice(at) };
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/')
    ? { name: image.slice(0, colon), tag: image.slice(colon + 1) }
    : { name: image };
}

/** A Durable Object application has no desired instance count; a scheduled one always has one. */
const kindOf = (a: RawApplication): ContainerService['kind'] =>
  typeof a.instances === 'number' ? 'scheduled' : 'durable-object';

function toService(a: RawApplication): ContainerService {
  const image = a.configuration?.image ?? undefined;
  const split = image ? splitImage(image) : undefined;
  const constraints = a.constraints
    ? compact({
        jurisdiction: a.constraints.jurisdiction ?? undefined,
        regions: a.constraints.regions ?? undefined,
      })
    : undefined;
  return compact({
    id: a.id,
    name: a.name,
    kind: kindOf(a),
    schedulingPolicy: a.scheduling_policy ?? undefined,
    image,
    imageName: split?.name,
    imageTag: split?.tag,
    instanceType: a.configuration?.instance_type ?? undefined,
    instances: a.instances ?? undefined,
    maxInstances: a.max_instances ?? undefined,
    constraints:
      constraints && Object.keys(constraints).length > 0
        ? constraints
        : undefined,
    durableObjectNamespaceId: a.durable_objects?.namespace_id,
    environmentVariableNames: (
      a.configuration?.environment_variables ?? []
    ).map(v => v.name),
    version: a.version ?? undefined,
    healthSummary: a.health?.summary ?? undefined,
    createdAt: a.created_at ?? undefined,
    updatedAt: a.updated_at ?? undefined,
  });
}

/** Parses one raw application, noting every environment variable value it carries as dropped. */
function parseApplication(raw: unknown, notes: Redaction[]): RawApplication {
  const app = applicationSchema.parse(raw);
  const vars = (raw as { configuration?: { environment_variables?: unknown } })
    .configuration?.environment_variables;
  if (Array.isArray(vars))
    vars.forEach((v, i) =>
      noteSecretFields(
        v,
        ['value'],
        notes,
        `applications.${app.id}.environment_variables.${i}`,
      ),
    );
  return app;
}

/**
 * Containers reads: the account's applications (image, instances, scheduling, constraints) and one
 * application's health with its instances counted by state. Environment variable values are secret:
 * every one an answer carries is dropped and counted as a redaction, and error events lose their
 * free-form details. Registry credentials are never requested
 * (`POST .../registries/{domain}/credentials`), and nothing is created, changed or deleted.
 *
 * @public
 */
export class ContainersApi {
  constructor(private readonly ctx: ClientContext) {}

  /** Raw applications, page by page (page tokens, 100 a page), optionally filtered by name. */
  private async applications(name?: string): Promise<RawApplication[]> {
    const notes: Redaction[] = [];
    const out: RawApplication[] = [];
    for await (const raw of this.ctx.sdk.containers.applications.list({
      account_id: this.ctx.accountId,
      per_page: APPS_PAGE,
      ...(name ? { name } : {}),
    })) {
      out.push(parseApplication(raw, notes));
    }
    this.ctx.countRedactions(AREA, notes);
    return out;
  }

  /**
   * Every application of the account, in Cloudflare's order: page-token paging, 100 a page (one
   * call up to 100 applications, one more per further 100).
   */
  async listServices(): Promise<ContainerService[]> {
    return this.ctx.run(AREA, 'containers.listServices', async () =>
      (await this.applications()).map(toService),
    );
  }

  /**
   * The health of the application named `name`: Cloudflare's summary, instance counts and error
   * events, and its instances counted by state from `instances-v2` (at most 10 pages of 100; beyond
   * that `instancesComplete` is false). Not found when no application has the name. Calls: the
   * applications list filtered by name, then one instances call per 100 instances.
   */
  async getStatus(name: string): Promise<ContainerStatus> {
    return this.ctx.run(AREA, 'containers.getStatus', async () => {
      const app = (await this.applications(name)).find(a => a.name === name);
      if (!app)
        throw new CloudflareApiError({
          kind: 'not-found',
          operation: 'containers.getStatus',
          status: 404,
          detail: 'no application has this name',
        });
      const { states, complete } = await this.countInstances(app.id);
      const health = app.health;
      return compact({
        id: app.id,
        name: app.name,
        kind: kindOf(app),
        summary: health?.summary ?? undefined,
        desired: app.instances ?? undefined,
        active: health?.instances?.active ?? undefined,
        assigned: health?.instances?.assigned ?? undefined,
        starting: health?.instances?.starting ?? undefined,
        failed: states.failed ?? 0,
        instanceStates: states,
        instancesComplete: complete,
        errors: (health?.errors ?? [])
          .map(e =>
            compact({
              instanceId: e.instance_id ?? undefined,
              name: e.event.name,
              type: e.event.type ?? undefined,
              time: e.event.time ?? undefined,
              message: e.event.message ?? undefined,
            }),
          )
          .sort((a, b) => (b.time ?? '').localeCompare(a.time ?? '')),
      });
    });
  }

  /** Instances of an application by state, within 10 calls. */
  private async countInstances(
    applicationId: string,
  ): Promise<{ states: Record<string, number>; complete: boolean }> {
    const states: Record<string, number> = {};
    let page = await this.ctx.sdk.containers.applications.instances.list(
      applicationId,
      { account_id: this.ctx.accountId, per_page: INSTANCES_PAGE },
    );
    for (let calls = 1; ; calls++) {
      for (const raw of page.getPaginatedItems()) {
        const { state } = instanceSchema.parse(raw).status;
        states[state] = (states[state] ?? 0) + 1;
      }
      if (!page.hasNextPage()) return { states, complete: true };
      if (calls >= INSTANCE_PAGES) return { states, complete: false };
      page = await page.getNextPage();
    }
  }
}
