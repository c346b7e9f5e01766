import { z } from 'zod';
import { ClientContext } from '../context';
import { compact, getEnvelope, seg } from '../envelope';
import { FieldClassMap } from '../fieldClasses';
import {
  cleanPullRequestUrl,
  gitCommitUrl,
  githubCommitFromRun,
  readAnnotationProvenance,
} from './annotationProvenance';
import { Redaction, noteSecretFields } from '../redaction';

const AREA = 'workers';
const str = z.string().nullish();

// ---------------------------------------------------------------------------------------------
// Scripts

/**
 * A Worker script as listed (`GET /accounts/{id}/workers/scripts`). Every field is public.
 *
 * @public
 */
export const workerScriptSchema = z.object({
  id: z.string(),
  tag: str,
  etag: str,
  created_on: str,
  modified_on: str,
  compatibility_date: str,
  compatibility_flags: z.array(z.string()).nullish(),
  handlers: z.array(z.string()).nullish(),
  named_handlers: z
    .array(z.object({ name: str, handlers: z.array(z.string()).nullish() }))
    .nullish(),
  has_assets: z.boolean().nullish(),
  has_modules: z.boolean().nullish(),
  last_deployed_from: str,
  logpush: z.boolean().nullish(),
  migration_tag: str,
  observability: z
    .object({
      enabled: z.boolean().nullish(),
      head_sampling_rate: z.number().nullish(),
    })
    .nullish(),
  placement_mode: str,
  routes: z.array(z.object({ id: str, pattern: z.string() })).nullish(),
  tags: z.array(z.string()).nullish(),
  tail_consumers: z
    .array(z.object({ service: z.string(), environment: str, namespace: str }))
    .nullish(),
  usage_model: str,
});

/**
 * A Worker script as the client returns it.
 *
 * @public
 */
export type WorkerScript = z.infer<typeof workerScriptSchema>;

/**
 * Field classes of {@link WorkerScript}: all public (routes are public hostnames).
 *
 * @public
 */
export const workerScriptFieldClasses: FieldClassMap = {};

// ---------------------------------------------------------------------------------------------
// Settings and bindings

const bindingBase = z.object({
  name: z.string(),
  type: z.string(),
  // References to other resources (public).
  namespace_id: str,
  database_id: str,
  id: str,
  bucket_name: str,
  jurisdiction: str,
  queue_name: str,
  class_name: str,
  script_name: str,
  environment: str,
  service: str,
  index_name: str,
  dataset: str,
  store_id: str,
  secret_name: str,
  workflow_name: str,
  certificate_id: str,
  namespace: str,
  // secret_key: algorithm/format/usages only, never key material.
  format: str,
  usages: z.array(z.string()).nullish(),
  // plain_text / json values: redacted below before they are kept.
  text: z.string().nullish(),
  json: z.unknown().optional(),
});

/**
 * A binding of a Worker. `secret_text`, `secret_key` and `secrets_store_secret` never carry values.
 * `text` (plain_text) and `json` (json) are kept only when neither the binding's name nor the value
 * looks like a credential (per the redaction rules); `json` is redacted leaf by leaf. When a value is
 * withheld, `valueWithheld` is true and the parent's `redactions` says why. `credentialLike` marks a
 * name that looks like a credential's (the masked view hides it).
 *
 * @public
 */
export interface WorkerBinding {
  name: string;
  type: string;
  namespace_id?: string | null;
  database_id?: string | null;
  id?: string | null;
  bucket_name?: string | null;
  jurisdiction?: string | null;
  queue_name?: string | null;
  class_name?: string | null;
  script_name?: string | null;
  environment?: string | null;
  service?: string | null;
  index_name?: string | null;
  dataset?: string | null;
  store_id?: string | null;
  secret_name?: string | null;
  workflow_name?: string | null;
  certificate_id?: string | null;
  namespace?: string | null;
  format?: string | null;
  usages?: string[] | null;
  text?: string | null;
  json?: unknown;
  valueWithheld?: boolean;
  credentialLike?: boolean;
}

/**
 * Script and version settings (`GET .../scripts/{name}/settings`) with redacted bindings.
 *
 * @public
 */
export const workerSettingsSchema = z.object({
  bindings: z.array(z.unknown()).nullish(),
  compatibility_date: str,
  compatibility_flags: z.array(z.string()).nullish(),
  logpush: z.boolean().nullish(),
  observability: z
    .object({
      enabled: z.boolean().nullish(),
      head_sampling_rate: z.number().nullish(),
    })
    .nullish(),
  placement: z.object({ mode: str }).nullish(),
  tags: z.array(z.string()).nullish(),
  tail_consumers: z
    .array(z.object({ service: z.string(), environment: str, namespace: str }))
    .nullish(),
  usage_model: str,
  limits: z.object({ cpu_ms: z.number().nullish() }).nullish(),
});

/**
 * Settings of a Worker script with redacted bindings and the redaction notes.
 *
 * @public
 */
export type WorkerSettings = Omit<
  z.infer<typeof workerSettingsSchema>,
  'bindings'
> & {
  scriptName: string;
  bindings: WorkerBinding[];
  /** What was withheld from the bindings, never the values. */
  redactions: Redaction[];
};

/**
 * Field classes of {@link WorkerSettings}.
 *
 * @public
 */
export const workerSettingsFieldClasses: FieldClassMap = {
  'bindings[].name': 'public', // sensitive when credentialLike (masked by maskSensitive)
  'bindings[].text': 'public', // kept only when not credential-like; else secret (dropped)
  'bindings[].json': 'public', // redacted leaf by leaf
  'bindings[].secret_text.text': 'secret',
  'bindings[].secret_key.key_base64': 'secret',
  'bindings[].secret_key.key_jwk': 'secret',
};

/**
 * A secret's name and type (`GET .../scripts/{name}/secrets`); values are never returned. The name
 * is public unless it looks like a credential's name (`credentialLike`), then sensitive.
 *
 * @public
 */
export interface WorkerSecretName {
  name: string;
  type: string;
  credentialLike?: boolean;
}

const secretNameSchema = z.object({
  name: z.string(),
  type: z.string().nullish(),
});

// ---------------------------------------------------------------------------------------------
// Versions and deployments

const annotationsSchema = z
  .object({
    'workers/message': str,
    'workers/tag': str,
    'workers/triggered_by': str,
  })
  .nullish();

/**
 * A Worker version (list item or detail; the detail's `resources` are not kept).
 *
 * @public
 */
export const workerVersionSchema = z.object({
  id: z.string(),
  number: z.number().nullish(),
  annotations: annotationsSchema,
  metadata: z
    .object({
      author_email: str,
      author_id: str,
      created_on: str,
      modified_on: str,
      hasPreview: z.boolean().nullish(),
      source: str,
    })
    .nullish(),
});

/**
 * A Worker version as the client returns it.
 *
 * @public
 */
export type WorkerVersion = z.infer<typeof workerVersionSchema>;

/**
 * Field classes of {@link WorkerVersion}.
 *
 * @public
 */
export const workerVersionFieldClasses: FieldClassMap = {
  'metadata.author_email': 'sensitive',
  'metadata.author_id': 'sensitive',
};

/**
 * A Worker deployment as Cloudflare returns it (`result.deployments[]`).
 *
 * @public
 */
export const workerDeploymentSchema = z.object({
  id: z.string(),
  created_on: z.string(),
  source: str,
  strategy: str,
  versions: z
    .array(z.object({ version_id: z.string(), percentage: z.number() }))
    .default([]),
  annotations: z
    .object({ 'workers/message': str, 'workers/triggered_by': str })
    .nullish(),
  author_email: str,
});

/**
 * A Worker deployment as Cloudflare returns it (parsed).
 *
 * @public
 */
export type WorkerDeployment = z.infer<typeof workerDeploymentSchema>;

/**
 * Field classes of {@link WorkerDeployment}.
 *
 * @public
 */
export const workerDeploymentFieldClasses: FieldClassMap = {
  author_email: 'sensitive',
};

// ---------------------------------------------------------------------------------------------
// Workers Builds (not in the SDK)

/**
 * A Workers Builds build (`/accounts/{id}/builds/...`). `build_token_name`, `build_token_uuid` and
 * `environment_variables` are secret and not kept; the commit `author` is sensitive.
 *
 * @public
 */
export const workersBuildSchema = z.object({
  build_uuid: z.string(),
  status: str,
  build_outcome: str,
  created_on: str,
  stopped_on: str,
  modified_on: str,
  build_trigger_metadata: z
    .object({
      commit_hash: str,
      commit_message: str,
      branch: str,
      author: str,
      repo_name: str,
      provider_type: str,
      provider_account_name: str,
      build_trigger_source: str,
    })
    .nullish(),
  pull_request: z.object({ pull_request_url: str, created_on: str }).nullish(),
  trigger: z
    .object({
      trigger_uuid: str,
      trigger_name: str,
      external_script_id: str,
      repo_connection: z
        .object({
          provider_type: str,
          provider_account_name: str,
          repo_name: str,
        })
        .nullish(),
    })
    .nullish(),
});

/**
 * A Workers Builds build without its secret fields.
 *
 * @public
 */
export type WorkersBuild = z.infer<typeof workersBuildSchema>;

/**
 * Field classes of {@link WorkersBuild}.
 *
 * @public
 */
export const workersBuildFieldClasses: FieldClassMap = {
  'build_trigger_metadata.author': 'sensitive',
  'build_trigger_metadata.build_token_name': 'secret',
  'build_trigger_metadata.build_token_uuid': 'secret',
  'build_trigger_metadata.environment_variables': 'secret',
};

const BUILD_SECRET_PATHS = [
  'build_trigger_metadata.build_token_name',
  'build_trigger_metadata.build_token_uuid',
];

// ---------------------------------------------------------------------------------------------
// Provenance

/**
 * Where a deployment's commit and CI link came from.
 *
 * @public
 */
export type ProvenanceSource = 'workers-builds' | 'annotation' | 'none';

/**
 * A Worker deployment with its provenance (spec section 12's `CfDeployment`, extended).
 *
 * @public
 */
export interface CfDeployment {
  /** Deployment id. */
  id: string;
  /** When the deployment was made (ISO 8601). */
  createdOn: string;
  /** True for the deployment serving traffic (the newest). */
  active: boolean;
  /** The version with the largest share of traffic. */
  versionId: string;
  /** Its number, when known. */
  versionNumber?: number;
  /** Every version the deployment serves, with its share. */
  versions: Array<{
    versionId: string;
    percentage: number;
    versionNumber?: number;
  }>;
  /** Environment, when known (Workers Builds branch deployments are not environments; unset). */
  environment?: string;
  /** Cloudflare's `source` of the deployment: `wrangler`, `dash`, `workersci`, `api`, ... */
  source?: string;
  /** Where `commitSha` / `ciRunUrl` came from. */
  provenance: ProvenanceSource;
  /** Commit SHA (40 hex). */
  commitSha?: string;
  /** Commit URL on the Git provider, when the repository is known. */
  commitUrl?: string;
  /** CI run URL: the Workers Builds build in the dashboard, or the pipeline run from the annotation. */
  ciRunUrl?: string;
  /** Pull request URL (Workers Builds). */
  pullRequestUrl?: string;
  /** Branch (Workers Builds). */
  branch?: string;
  /** Workers Builds build id and outcome. */
  buildId?: string;
  buildOutcome?: string;
  /** The version's `workers/message` (or the deployment's). */
  message?: string;
  /** The version's `workers/tag`. */
  tag?: string;
  /** Who deployed (sensitive). */
  authorEmail?: string;
}

/**
 * Field classes of {@link CfDeployment}.
 *
 * @public
 */
export const cfDeploymentFieldClasses: FieldClassMap = {
  authorEmail: 'sensitive',
};

/**
 * Options of {@link WorkersApi.listDeploymentsWithProvenance}.
 *
 * @public
 */
export interface ProvenanceOptions {
  /** Ask Workers Builds for commits (one call per 20 versions); default true. */
  useBuilds?: boolean;
  /** Only the deployment serving traffic (the newest): fewer versions to look up; default false. */
  activeOnly?: boolean;
}

// ---------------------------------------------------------------------------------------------

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
          {
            account_id: this.account_id,
          },
        );
      const parsed = workerSettingsSchema.parse(raw);
      const redactions: Redaction[] = [];
      const bindings = (parsed.bindings ?? []).map(b =>
        this.redactBinding(b, redactions),
      );
      this.ctx.countRedactions(AREA, redactions);
      return { ...parsed, scriptName, bindings, redactions };
    });
  }

  private redactBinding(raw: unknown, notes: Redaction[]): WorkerBinding {
    const b = bindingBase.parse(raw);
    const redactor = this.ctx.redactor;
    const path = `bindings.${redactor.pathName(b.name)}`;
    const out: WorkerBinding = compact({
      ...b,
      text: undefined,
      json: undefined,
    }) as WorkerBinding;
    if (redactor.isCredentialName(b.name)) out.credentialLike = true;
    if (b.type === 'plain_text' && b.text !== undefined && b.text !== null) {
      const reason = redactor.reasonFor(b.name, b.text);
      if (reason) {
        notes.push({ path: `${path}.text`, reason });
        out.valueWithheld = true;
      } else {
        out.text = b.text;
      }
    } else if (b.type === 'json' && b.json !== undefined) {
      if (redactor.isCredentialName(b.name)) {
        notes.push({ path: `${path}.json`, reason: 'credential-key-name' });
        out.valueWithheld = true;
      } else {
        const before = notes.length;
        out.json = redactor.redactJson(b.json, `${path}.json`, notes);
        if (notes.length > before) out.valueWithheld = true;
      }
    } else if (b.type !== 'plain_text' && b.type !== 'json') {
      // Any value on another binding type (e.g. a secret_text value in an upload-shaped answer).
      if ((raw as { text?: unknown }).text)
        notes.push({ path: `${path}.text`, reason: 'secret-field' });
      noteSecretFields(raw, ['key_base64', 'key_jwk'], notes, path);
    }
    return out;
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
        {
          account_id: this.account_id,
          per_page: 100,
        },
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
   * Deployments of a script, newest first (the first serves traffic). Reads `result.deployments`
   * from the page: the SDK's iterator would look for `result.items`.
   */
  async listDeployments(scriptName: string): Promise<WorkerDeployment[]> {
    return this.ctx.run(AREA, 'workers.listDeployments', async () => {
      const page = await this.ctx.sdk.workers.scripts.deployments.list(
        scriptName,
        {
          account_id: this.account_id,
        },
      );
      const result = z
        .object({ deployments: z.array(z.unknown()).default([]) })
        .parse((page as unknown as { result: unknown }).result);
      return result.deployments.map(d => workerDeploymentSchema.parse(d));
    });
  }

  /**
   * Workers Builds builds that produced the given versions (one call per 20 ids), keyed by version
   * id. Needs a user-scoped token with Workers CI Read.
   */
  async getBuildsForVersions(
    versionIds: readonly string[],
  ): Promise<Record<string, WorkersBuild>> {
    return this.ctx.run(AREA, 'workers.getBuildsForVersions', async () => {
      const out: Record<string, WorkersBuild> = {};
      const ids = [...new Set(versionIds)];
      for (let i = 0; i < ids.length; i += 20) {
        const chunk = ids.slice(i, i + 20);
        const env = await getEnvelope(
          this.ctx,
          'workers.getBuildsForVersions',
          `/accounts/${seg(this.account_id)}/builds/builds`,
          { version_ids: chunk.join(',') },
        );
        const result = z
          .object({ builds: z.record(z.string(), z.unknown()).default({}) })
          .parse(env.result ?? {});
        for (const [versionId, raw] of Object.entries(result.builds)) {
          out[versionId] = this.parseBuild(raw);
        }
      }
      return out;
    });
  }

  /** Every build of a script (by its `tag`, which Workers Builds calls `external_script_id`), newest first. */
  async listBuilds(externalScriptId: string): Promise<WorkersBuild[]> {
    return this.ctx.run(AREA, 'workers.listBuilds', async () => {
      const out: WorkersBuild[] = [];
      for (let page = 1; page <= 1000; page++) {
        const env = await getEnvelope(
          this.ctx,
          'workers.listBuilds',
          `/accounts/${seg(this.account_id)}/builds/workers/${seg(
            externalScriptId,
          )}/builds`,
          { page, per_page: 100 },
        );
        const items = z.array(z.unknown()).parse(env.result ?? []);
        out.push(...items.map(b => this.parseBuild(b)));
        const info = env.result_info;
        const totalPages = info?.total_pages ?? undefined;
        if (
          items.length === 0 ||
          (totalPages !== undefined &&
            totalPages !== null &&
            page >= totalPages)
        )
          break;
      }
      return out;
    });
  }

  private parseBuild(raw: unknown): WorkersBuild {
    const notes: Redaction[] = [];
    noteSecretFields(raw, BUILD_SECRET_PATHS, notes);
    const vars = (
      raw as { build_trigger_metadata?: { environment_variables?: unknown } }
    )?.build_trigger_metadata?.environment_variables;
    if (vars && typeof vars === 'object') {
      for (const k of Object.keys(vars)) {
        notes.push({
          path: `build_trigger_metadata.environment_variables.${this.ctx.redactor.pathName(
            k,
          )}`,
          reason: 'secret-field',
        });
      }
    }
    this.ctx.countRedactions(AREA, notes);
    const build = workersBuildSchema.parse(raw);
    if (build.pull_request)
      build.pull_request.pull_request_url = cleanPullRequestUrl(
        this.ctx,
        build.pull_request.pull_request_url,
      );
    return build;
  }

  /**
   * Deployments of a script with the version(s) each serves and its commit SHA and CI run URL: from
   * Workers Builds where the version was built there, else from the version's `workers/message` /
   * `workers/tag` (convention `sha=<40 hex> run=<https url>`), else from the deployment's message.
   * Calls: deployments (1), versions (pages of 100 until every deployed version is found; detail
   * calls for stragglers), Workers Builds (1 per 20 versions; skipped when it is not permitted).
   */
  async listDeploymentsWithProvenance(
    scriptName: string,
    options: ProvenanceOptions = {},
  ): Promise<CfDeployment[]> {
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
  ): Promise<Map<string, CfDeployment[]>> {
    const scripts: {
      name: string;
      deployments: WorkerDeployment[];
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
          this.withProvenance(name, d, index, versions, builds),
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

  /** One deployment with its provenance (`index` 0 is the deployment serving traffic). */
  private withProvenance(
    scriptName: string,
    d: WorkerDeployment,
    index: number,
    versions: Map<string, WorkerVersion>,
    builds: Record<string, WorkersBuild>,
  ): CfDeployment {
    const sorted = [...d.versions].sort((a, b) => b.percentage - a.percentage);
    const primary = sorted[0];
    const version = primary ? versions.get(primary.version_id) : undefined;
    const build = primary ? builds[primary.version_id] : undefined;
    const { message, tag, commitSha, ciRunUrl } = readAnnotationProvenance(
      this.ctx,
      version?.annotations?.['workers/message'],
      version?.annotations?.['workers/tag'],
      d.annotations?.['workers/message'],
    );
    const base: CfDeployment = {
      id: d.id,
      createdOn: d.created_on,
      active: index === 0,
      versionId: primary?.version_id ?? '',
      versionNumber: version?.number ?? undefined,
      versions: d.versions.map(v =>
        compact({
          versionId: v.version_id,
          percentage: v.percentage,
          versionNumber: versions.get(v.version_id)?.number ?? undefined,
        }),
      ),
      source: d.source ?? undefined,
      provenance: 'none',
      message,
      tag,
      authorEmail: d.author_email ?? undefined,
    };
    const meta = build?.build_trigger_metadata;
    if (build && meta?.commit_hash) {
      const owner =
        meta.provider_account_name ??
        build.trigger?.repo_connection?.provider_account_name;
      const repo = meta.repo_name ?? build.trigger?.repo_connection?.repo_name;
      const provider =
        meta.provider_type ?? build.trigger?.repo_connection?.provider_type;
      return compact({
        ...base,
        provenance: 'workers-builds' as const,
        commitSha: meta.commit_hash,
        commitUrl: gitCommitUrl(provider, owner, repo, meta.commit_hash),
        ciRunUrl: `https://dash.cloudflare.com/${
          this.account_id
        }/workers/services/view/${seg(scriptName)}/production/builds/${seg(
          build.build_uuid,
        )}`,
        pullRequestUrl: build.pull_request?.pull_request_url ?? undefined,
        branch: meta.branch ?? undefined,
        buildId: build.build_uuid,
        buildOutcome: build.build_outcome ?? undefined,
      });
    }
    if (commitSha || ciRunUrl) {
      return compact({
        ...base,
        provenance: 'annotation' as const,
        commitSha,
        ciRunUrl,
        commitUrl: githubCommitFromRun(ciRunUrl, commitSha),
      });
    }
    return compact(base);
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
        {
          account_id: this.account_id,
          per_page: 100,
        },
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

/**
 * Every field-class map of the Workers area.
 *
 * @public
 */
export const WORKERS_FIELD_CLASSES: readonly FieldClassMap[] = [
  workerScriptFieldClasses,
  workerSettingsFieldClasses,
  workerVersionFieldClasses,
  workerDeploymentFieldClasses,
  workersBuildFieldClasses,
  cfDeploymentFieldClasses,
];
