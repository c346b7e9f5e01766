/** Schemas and types of Pages reads (the reads are in `pages.ts`). */
import { z } from 'zod';
import { PagesDeployment } from '@cloudflare-backstage/plugin-cloudflare-common';
import { gitCommitUrl } from './annotationProvenance';
import { Redaction } from '../redaction';

export const AREA = 'pages';
const str = z.string().nullish();

const stageSchema = z.object({
  name: str,
  status: str,
  started_on: str,
  ended_on: str,
});

const sourceSchema = z
  .object({
    type: str,
    config: z
      .object({
        owner: str,
        repo_name: str,
        production_branch: str,
        deployments_enabled: z.boolean().nullish(),
        production_deployments_enabled: z.boolean().nullish(),
        preview_deployment_setting: str,
      })
      .nullish(),
  })
  .nullish();

/**
 * A Pages deployment as Cloudflare returns it, without its secret fields: `env_vars` values and
 * `build_config.web_analytics_token` are not part of the schema.
 */
export const pagesDeploymentSchema = z.object({
  id: z.string(),
  short_id: str,
  project_id: str,
  project_name: str,
  url: str,
  aliases: z.array(z.string()).nullish(),
  environment: str,
  created_on: z.string(),
  modified_on: str,
  is_skipped: z.boolean().nullish(),
  skip_reason: str,
  latest_stage: stageSchema.nullish(),
  deployment_trigger: z
    .object({
      type: str,
      metadata: z
        .object({
          branch: str,
          commit_hash: str,
          commit_message: str,
          commit_dirty: z.boolean().nullish(),
        })
        .nullish(),
    })
    .nullish(),
  source: sourceSchema,
});

/**
 * A Pages environment variable: name and type only; the value is never kept.
 *
 * @public
 */
export interface PagesEnvVarName {
  name: string;
  type: string;
  credentialLike?: boolean;
}

/** Parses one environment's settings; `env_vars` become names and types in a `DeploymentConfig`. */
export const deploymentConfigSchema = z
  .object({
    compatibility_date: str,
    compatibility_flags: z.array(z.string()).nullish(),
    usage_model: str,
    fail_open: z.boolean().nullish(),
    always_use_latest_compatibility_date: z.boolean().nullish(),
    build_image_major_version: z.number().nullish(),
    env_vars: z.record(z.string(), z.object({ type: str }).nullish()).nullish(),
    kv_namespaces: z
      .record(z.string(), z.object({ namespace_id: str }).nullish())
      .nullish(),
    d1_databases: z
      .record(z.string(), z.object({ id: str }).nullish())
      .nullish(),
    r2_buckets: z
      .record(z.string(), z.object({ name: str, jurisdiction: str }).nullish())
      .nullish(),
    durable_object_namespaces: z
      .record(z.string(), z.object({ namespace_id: str }).nullish())
      .nullish(),
    queue_producers: z
      .record(z.string(), z.object({ name: str }).nullish())
      .nullish(),
    services: z
      .record(
        z.string(),
        z.object({ service: str, environment: str, entrypoint: str }).nullish(),
      )
      .nullish(),
  })
  .nullish();

/** Parses a Pages project; `PagesApi` completes it into a `PagesProject`. */
export const pagesProjectSchema = z.object({
  id: z.string(),
  name: z.string(),
  subdomain: str,
  domains: z.array(z.string()).nullish(),
  created_on: str,
  production_branch: str,
  framework: str,
  framework_version: str,
  uses_functions: z.boolean().nullish(),
  production_script_name: str,
  preview_script_name: str,
  source: sourceSchema,
  build_config: z
    .object({
      build_command: str,
      destination_dir: str,
      root_dir: str,
      build_caching: z.boolean().nullish(),
      web_analytics_tag: str,
    })
    .nullish(),
  deployment_configs: z
    .object({
      preview: deploymentConfigSchema,
      production: deploymentConfigSchema,
    })
    .nullish(),
  latest_deployment: z.unknown().optional(),
  canonical_deployment: z.unknown().optional(),
});

/**
 * Bindings and settings of one Pages environment (`deployment_configs.preview` / `.production`):
 * environment variables by name and type only; their values are never kept.
 *
 * @public
 */
export interface DeploymentConfig {
  env_vars: PagesEnvVarName[];
  compatibility_date?: string | null;
  compatibility_flags?: string[] | null;
  usage_model?: string | null;
  fail_open?: boolean | null;
  always_use_latest_compatibility_date?: boolean | null;
  build_image_major_version?: number | null;
  kv_namespaces?: Record<
    string,
    { namespace_id?: string | null } | null | undefined
  > | null;
  d1_databases?: Record<
    string,
    { id?: string | null } | null | undefined
  > | null;
  r2_buckets?: Record<
    string,
    { name?: string | null; jurisdiction?: string | null } | null | undefined
  > | null;
  durable_object_namespaces?: Record<
    string,
    { namespace_id?: string | null } | null | undefined
  > | null;
  queue_producers?: Record<
    string,
    { name?: string | null } | null | undefined
  > | null;
  services?: Record<
    string,
    | {
        service?: string | null;
        environment?: string | null;
        entrypoint?: string | null;
      }
    | null
    | undefined
  > | null;
}

/**
 * A Pages project as the suite shows it, without secret fields (env var values, the web analytics
 * token).
 *
 * @public
 */
export interface PagesProject {
  id: string;
  name: string;
  subdomain?: string | null;
  domains?: string[] | null;
  created_on?: string | null;
  production_branch?: string | null;
  framework?: string | null;
  framework_version?: string | null;
  uses_functions?: boolean | null;
  production_script_name?: string | null;
  preview_script_name?: string | null;
  source?: {
    type?: string | null;
    config?: {
      owner?: string | null;
      repo_name?: string | null;
      production_branch?: string | null;
      deployments_enabled?: boolean | null;
      production_deployments_enabled?: boolean | null;
      preview_deployment_setting?: string | null;
    } | null;
  } | null;
  build_config?: {
    build_command?: string | null;
    destination_dir?: string | null;
    root_dir?: string | null;
    build_caching?: boolean | null;
    web_analytics_tag?: string | null;
  } | null;
  deployment_configs: {
    preview?: DeploymentConfig;
    production?: DeploymentConfig;
  };
  latest_deployment: PagesDeployment | null;
  canonical_deployment: PagesDeployment | null;
  /** What was withheld (env var values, analytics token), never the values. */
  redactions: Redaction[];
}

/**
 * Options of {@link PagesApi.listDeployments}.
 *
 * @public
 */
export interface PagesDeploymentsOptions {
  /** Only `production` or `preview` deployments. */
  env?: 'production' | 'preview';
  /** Stop after this many deployments (newest first); all by default. */
  limit?: number;
}

/** Commit URL of a Git-connected project (GitHub or GitLab). */
export function commitUrlOf(
  source: z.infer<typeof sourceSchema>,
  sha?: string,
) {
  const c = source?.config;
  return source?.type
    ? gitCommitUrl(source.type, c?.owner, c?.repo_name, sha)
    : undefined;
}
