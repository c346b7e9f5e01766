import { z } from 'zod';

/** Area key of the client's counters. */
export const AREA = 'workers';
const str = z.string().nullish();

// Scripts

/** Parses a `WorkerScript`. */
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

// Settings and bindings

/** A binding as Cloudflare returns it, before redaction. */
export const bindingBase = z.object({
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

/** Parses script settings; `bindings` are redacted one by one into a `WorkerSettings`. */
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

export const secretNameSchema = z.object({
  name: z.string(),
  type: z.string().nullish(),
});

// Versions and deployments

const annotationsSchema = z
  .object({
    'workers/message': str,
    'workers/tag': str,
    'workers/triggered_by': str,
  })
  .nullish();

/** Parses a `WorkerVersion`. */
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

/** Parses a `CloudflareWorkerDeployment`. */
export const cloudflareWorkerDeploymentSchema = z.object({
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

// Workers Builds (not in the SDK)

/** Parses a `WorkersBuild`: its secret fields are not part of the schema. */
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

/** Secret fields of a build: noted as withheld, never kept. */
export const BUILD_SECRET_PATHS = [
  'build_trigger_metadata.build_token_name',
  'build_trigger_metadata.build_token_uuid',
];

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
