/**
 * The Workers values the client returns. They are declared here rather than inferred from the
 * (internal) zod schemas in `schemas.ts`, so the public API states them; `types.test.ts` checks that
 * each is exactly what its schema parses to.
 */
import { Redaction } from '../../redaction';
import { WorkerBinding } from './schemas';

/**
 * A Worker script as listed (`GET /accounts/{id}/workers/scripts`). Every field is public.
 *
 * @public
 */
export interface WorkerScript {
  id: string;
  tag?: string | null;
  etag?: string | null;
  created_on?: string | null;
  modified_on?: string | null;
  compatibility_date?: string | null;
  compatibility_flags?: string[] | null;
  handlers?: string[] | null;
  named_handlers?:
    | { name?: string | null; handlers?: string[] | null }[]
    | null;
  has_assets?: boolean | null;
  has_modules?: boolean | null;
  last_deployed_from?: string | null;
  logpush?: boolean | null;
  migration_tag?: string | null;
  observability?: {
    enabled?: boolean | null;
    head_sampling_rate?: number | null;
  } | null;
  placement_mode?: string | null;
  routes?: { pattern: string; id?: string | null }[] | null;
  tags?: string[] | null;
  tail_consumers?:
    | {
        service: string;
        environment?: string | null;
        namespace?: string | null;
      }[]
    | null;
  usage_model?: string | null;
}

/**
 * Settings of a Worker script (`GET .../scripts/{name}/settings`) with redacted bindings and the
 * redaction notes.
 *
 * @public
 */
export interface WorkerSettings {
  scriptName: string;
  bindings: WorkerBinding[];
  /** What was withheld from the bindings, never the values. */
  redactions: Redaction[];
  compatibility_date?: string | null;
  compatibility_flags?: string[] | null;
  logpush?: boolean | null;
  observability?: {
    enabled?: boolean | null;
    head_sampling_rate?: number | null;
  } | null;
  placement?: { mode?: string | null } | null;
  tags?: string[] | null;
  tail_consumers?:
    | {
        service: string;
        environment?: string | null;
        namespace?: string | null;
      }[]
    | null;
  usage_model?: string | null;
  limits?: { cpu_ms?: number | null } | null;
}

/**
 * A Worker version (list item or detail; the detail's `resources` are not kept).
 *
 * @public
 */
export interface WorkerVersion {
  id: string;
  number?: number | null;
  annotations?: {
    'workers/message'?: string | null;
    'workers/tag'?: string | null;
    'workers/triggered_by'?: string | null;
  } | null;
  metadata?: {
    author_email?: string | null;
    author_id?: string | null;
    created_on?: string | null;
    modified_on?: string | null;
    hasPreview?: boolean | null;
    source?: string | null;
  } | null;
}

/**
 * A Worker deployment as Cloudflare lists it (`result.deployments[]`, parsed), before provenance:
 * see `WorkerDeployment` for the value routes return.
 *
 * @public
 */
export interface CloudflareWorkerDeployment {
  id: string;
  created_on: string;
  versions: { version_id: string; percentage: number }[];
  source?: string | null;
  strategy?: string | null;
  annotations?: {
    'workers/message'?: string | null;
    'workers/triggered_by'?: string | null;
  } | null;
  author_email?: string | null;
}

/**
 * A Workers Builds build (`/accounts/{id}/builds/...`). `build_token_name`, `build_token_uuid` and
 * `environment_variables` are secret and not kept; the commit `author` is sensitive.
 *
 * @public
 */
export interface WorkersBuild {
  build_uuid: string;
  status?: string | null;
  build_outcome?: string | null;
  created_on?: string | null;
  stopped_on?: string | null;
  modified_on?: string | null;
  build_trigger_metadata?: {
    commit_hash?: string | null;
    commit_message?: string | null;
    branch?: string | null;
    author?: string | null;
    repo_name?: string | null;
    provider_type?: string | null;
    provider_account_name?: string | null;
    build_trigger_source?: string | null;
  } | null;
  pull_request?: {
    pull_request_url?: string | null;
    created_on?: string | null;
  } | null;
  trigger?: {
    trigger_uuid?: string | null;
    trigger_name?: string | null;
    external_script_id?: string | null;
    repo_connection?: {
      provider_type?: string | null;
      provider_account_name?: string | null;
      repo_name?: string | null;
    } | null;
  } | null;
}
