import { z } from 'zod';
import { WorkerDeployment } from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../../context';
import { compact } from '../../envelope';
import { Redaction } from '../../redaction';
import { redactBinding } from './bindings';
import { readBuilds, readBuildsForVersions } from './builds';
import { withProvenance } from './provenance';
import {
  AREA,
  ProvenanceOptions,
  WorkerSecretName,
  secretNameSchema,
  cloudflareWorkerDeploymentSchema,
  workerScriptSchema,
  workerSettingsSchema,
  workerVersionSchema,
} from './schemas';
import {
  CloudflareWorkerDeployment,
  WorkerScript,
  WorkerSettings,
  WorkerVersion,
  WorkersBuild,
} from './types';

/**
 * Workers reads. Never reads script content, `/content/v2` or tails.
 *
 * @public
 */
export class WorkersApi {
  constructor(private readonly ctx: ClientContext) {}

  private get account_id() {
    return this.ctx.accountId;
  }

  /**
   * Every Worker script of the account (one call). `tags` keeps scripts carrying any of the tags
   * (sent as Cloudflare's `tags=<tag>:yes,...`).
   */
  async listScripts(
    options: { tags?: string[] } = {},
  ): Promise<WorkerScript[]> {
    return this.ctx.run(AREA, 'workers.listScripts', async () => {
      const page = await this.ctx.sdk.workers.scripts.list({
        account_id: this.account_id,
        ...(options.tags?.length
          ? { tags: options.tags.map(t => `${t}:yes`).join(',') }
          : {}),
      });
      return page.getPaginatedItems().map(s => workerScriptSchema.parse(s));
    });
  }

  /** Settings and bindings of a script, values redacted and counted. */
  async getSettings(scriptName: string): Promise<WorkerSettings> {
    return this.ctx.run(AREA, 'workers.getSettings', async () => {
      const raw =
        await this.ctx.sdk.workers.scripts.scriptAndVersionSettings.get(
          scriptName,
          { account_id: this.account_id },
        );
      const parsed = workerSettingsSchema.parse(raw);
      const redactions: Redaction[] = [];
      const bindings = (parsed.bindings ?? []).map(b =>
        redactBinding(this.ctx, b, redactions),
      );
      this.ctx.countRedactions(AREA, redactions);
      return { ...parsed, scriptName, bindings, redactions };
    });
  }

  /** Names and types of a script's secrets (values are never returned by Cloudflare). */
  async listSecretNames(scriptName: string): Promise<WorkerSecretName[]> {
    return this.ctx.run(AREA, 'workers.listSecretNames', async () => {
      const page = await this.ctx.sdk.workers.scripts.secrets.list(scriptName, {
        account_id: this.account_id,
      });
      return page.getPaginatedItems().map(s => {
        const p = secretNameSchema.parse(s);
        return compact({
          name: p.name,
          type: p.type ?? 'secret_text',
          credentialLike:
            this.ctx.redactor.isCredentialName(p.name) || undefined,
        });
      });
    });
  }

  /** Every version of a script, newest first (pages of 100). */
  async listVersions(scriptName: string): Promise<WorkerVersion[]> {
    return this.ctx.run(AREA, 'workers.listVersions', async () => {
      const out: WorkerVersion[] = [];
      for await (const v of this.ctx.sdk.workers.scripts.versions.list(
        scriptName,
        { account_id: this.account_id, per_page: 100 },
      )) {
        out.push(workerVersionSchema.parse(v));
      }
      return out;
    });
  }

  /** One version (detail call). */
  async getVersion(
    scriptName: string,
    versionId: string,
  ): Promise<WorkerVersion> {
    return this.ctx.run(AREA, 'workers.getVersion', async () => {
      const v = await this.ctx.sdk.workers.scripts.versions.get(versionId, {
        account_id: this.account_id,
        script_name: scriptName,
      });
      return workerVersionSchema.parse(v);
    });
  }

  /**
   * Deployments of a script as Cloudflare lists them, newest first (the first serves traffic),
   * without provenance (see {@link WorkersApi.listDeploymentsWithProvenance}). Reads
   * `result.deployments` from the page: the SDK's iterator would look for `result.items`.
   */
  async listDeployments(
    scriptName: string,
  ): Promise<CloudflareWorkerDeployment[]> {
    return this.ctx.run(AREA, 'workers.listDeployments', async () => {
      const page = await this.ctx.sdk.workers.scripts.deployments.list(
        scriptName,
        { account_id: this.account_id },
      );
      const result = z
        .object({ deployments: z.array(z.unknown()).default([]) })
        .parse((page as unknown as { result: unknown }).result);
      return result.deployments.map(d =>
        cloudflareWorkerDeploymentSchema.parse(d),
      );
    });
  }

  /**
   * Workers Builds builds that produced the given versions (one call per 20 ids), keyed by version
   * id. Needs a user-scoped token with Workers CI Read.
   */
  async getBuildsForVersions(
    versionIds: readonly string[],
  ): Promise<Record<string, WorkersBuild>> {
    return this.ctx.run(AREA, 'workers.getBuildsForVersions', () =>
      readBuildsForVersions(this.ctx, versionIds),
    );
  }

  /** Every build of a script (by its `tag`, which Workers Builds calls `external_script_id`), newest first. */
  async listBuilds(externalScriptId: string): Promise<WorkersBuild[]> {
    return this.ctx.run(AREA, 'workers.listBuilds', () =>
      readBuilds(this.ctx, externalScriptId),
    );
  }

  /**
   * Deployments of a script, newest first, with the version(s) each serves and its commit SHA and
   * CI run URL: from Workers Builds where the version was built there, else from the version's
   * `workers/message` / `workers/tag` (convention `sha=<40 hex> run=<https url>`), else from the
   * deployment's message. Calls: deployments (1), versions (pages of 100 until every deployed
   * version is found; detail calls for stragglers), Workers Builds (1 per 20 versions; skipped when
   * it is not permitted).
   */
  async listDeploymentsWithProvenance(
    scriptName: string,
    options: ProvenanceOptions = {},
  ): Promise<WorkerDeployment[]> {
    const all = await this.listDeploymentsWithProvenanceOf(
      [scriptName],
      options,
    );
    return all.get(scriptName) ?? [];
  }

  /**
   * {@link WorkersApi.listDeploymentsWithProvenance} for several scripts at once, keyed by script
   * name: deployments and versions are read per script, and Workers Builds is asked once per 20
   * versions across all of them (with `activeOnly`, about one call per 20 scripts instead of one per
   * script). A script whose read fails fails the whole call.
   */
  async listDeploymentsWithProvenanceOf(
    scriptNames: readonly string[],
    options: ProvenanceOptions = {},
  ): Promise<Map<string, WorkerDeployment[]>> {
    const scripts: {
      name: string;
      deployments: CloudflareWorkerDeployment[];
      versions: Map<string, WorkerVersion>;
    }[] = [];
    const wanted = new Set<string>();
    for (const name of scriptNames) {
      const listed = await this.listDeployments(name);
      const deployments = options.activeOnly ? listed.slice(0, 1) : listed;
      const ids = new Set(
        deployments.flatMap(d => d.versions.map(v => v.version_id)),
      );
      ids.forEach(id => wanted.add(id));
      const versions =
        ids.size > 0
          ? await this.findVersions(name, ids)
          : new Map<string, WorkerVersion>();
      scripts.push({ name, deployments, versions });
    }
    const builds =
      options.useBuilds !== false && wanted.size > 0
        ? await this.buildsIfReadable([...wanted])
        : {};
    return new Map(
      scripts.map(({ name, deployments, versions }) => [
        name,
        deployments.map((d, index) =>
          withProvenance(this.ctx, name, d, index, versions, builds),
        ),
      ]),
    );
  }

  /** Workers Builds builds of the versions, or none when the token may not read Workers Builds. */
  private async buildsIfReadable(
    versionIds: string[],
  ): Promise<Record<string, WorkersBuild>> {
    try {
      return await this.getBuildsForVersions(versionIds);
    } catch (e) {
      const kind = (e as { kind?: string }).kind;
      if (kind !== 'auth' && kind !== 'not-found') throw e;
      this.ctx.logger?.warn(
        'Cloudflare Workers Builds is not readable with this token (needs a user-scoped token with Workers CI Read); provenance falls back to version annotations',
      );
      return {};
    }
  }

  /** Versions with the wanted ids: list pages until all are found, then detail calls for the rest. */
  private async findVersions(
    scriptName: string,
    wanted: Set<string>,
  ): Promise<Map<string, WorkerVersion>> {
    const found = new Map<string, WorkerVersion>();
    await this.ctx.run(AREA, 'workers.listVersions', async () => {
      for await (const v of this.ctx.sdk.workers.scripts.versions.list(
        scriptName,
        { account_id: this.account_id, per_page: 100 },
      )) {
        const parsed = workerVersionSchema.parse(v);
        if (wanted.has(parsed.id)) found.set(parsed.id, parsed);
        if (found.size === wanted.size) break;
      }
    });
    for (const id of wanted) {
      if (!found.has(id)) {
        try {
          found.set(id, await this.getVersion(scriptName, id));
        } catch (e) {
          if ((e as { kind?: string }).kind !== 'not-found') throw e;
        }
      }
    }
    return found;
  }
}
