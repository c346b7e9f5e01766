/**
 * The Zero Trust Access values the client returns. They are declared here rather than inferred
 * from the (internal) zod schemas in `zeroTrustSchemas.ts`, so the public API states them;
 * `types.test.ts` checks that each is exactly what its schema parses to.
 */
import { Redaction } from '../redaction';

/**
 * An Access application. Secret fields (`scim_config.authentication`, `saas_app.client_secret`) are
 * not kept; Access rules are redacted by the value-shape rules.
 *
 * @public
 */
export interface AccessApplication {
  id: string;
  aud?: string | null;
  name?: string | null;
  domain?: string | null;
  type?: string | null;
  self_hosted_domains?: string[] | null;
  destinations?:
    | {
        type?: string | null;
        uri?: string | null;
        hostname?: string | null;
        cidr?: string | null;
        port_range?: string | null;
        l4_protocol?: string | null;
      }[]
    | null;
  session_duration?: string | null;
  allowed_idps?: string[] | null;
  auto_redirect_to_identity?: boolean | null;
  app_launcher_visible?: boolean | null;
  enable_binding_cookie?: boolean | null;
  http_only_cookie_attribute?: boolean | null;
  policies?:
    | {
        id?: string | null;
        name?: string | null;
        decision?: string | null;
        precedence?: number | null;
        reusable?: boolean | null;
      }[]
    | null;
  tags?: string[] | null;
  created_at?: string | null;
  updated_at?: string | null;
  scim_config?: {
    enabled?: boolean | null;
    idp_uid?: string | null;
    remote_uri?: string | null;
    deactivate_on_delete?: boolean | null;
  } | null;
  saas_app?: {
    auth_type?: string | null;
    sp_entity_id?: string | null;
    consumer_service_url?: string | null;
    client_id?: string | null;
    name_id_format?: string | null;
  } | null;
  /** What was withheld, never the values. */
  redactions: Redaction[];
}

/**
 * An Access policy (app-scoped with `precedence`, or reusable with `reusable` and `app_count`).
 * `include` / `exclude` / `require` are Access rules (e.g. `{email: {email}}`, `{ip: {ip}}`),
 * redacted by the value-shape rules.
 *
 * @public
 */
export interface AccessPolicy {
  id: string;
  name?: string | null;
  decision?: string | null;
  precedence?: number | null;
  include?: unknown[] | null;
  exclude?: unknown[] | null;
  require?: unknown[] | null;
  approval_required?: boolean | null;
  approval_groups?:
    | {
        approvals_needed?: number | null;
        email_addresses?: string[] | null;
        email_list_uuid?: string | null;
      }[]
    | null;
  isolation_required?: boolean | null;
  purpose_justification_required?: boolean | null;
  purpose_justification_prompt?: string | null;
  session_duration?: string | null;
  reusable?: boolean | null;
  app_count?: number | null;
  mfa_config?: {
    allowed_authenticators?: string[] | null;
    mfa_disabled?: boolean | null;
    session_duration?: string | null;
  } | null;
  created_at?: string | null;
  updated_at?: string | null;
  /** What was withheld, never the values. */
  redactions: Redaction[];
}

/**
 * An identity provider. Its `config` keeps an allow-list of non-secret settings: `client_secret`,
 * signing keys and anything else are not kept; `scim_config.secret` is not kept.
 *
 * @public
 */
export interface IdentityProvider {
  id: string;
  name?: string | null;
  type?: string | null;
  config?: {
    client_id?: unknown;
    okta_account?: unknown;
    onelogin_account?: unknown;
    ping_env_id?: unknown;
    directory_id?: unknown;
    centrify_account?: unknown;
    centrify_app_id?: unknown;
    apps_domain?: unknown;
    auth_url?: unknown;
    token_url?: unknown;
    certs_url?: unknown;
    issuer_url?: unknown;
    sso_target_url?: unknown;
    redirect_url?: unknown;
    authorization_server_id?: unknown;
    email_claim_name?: unknown;
    claims?: unknown;
    scopes?: unknown;
    attributes?: unknown;
    conditional_access_enabled?: unknown;
    support_groups?: unknown;
    pkce_enabled?: unknown;
    sign_request?: unknown;
    email_attribute_name?: unknown;
  } | null;
  scim_config?: {
    enabled?: boolean | null;
    user_deprovision?: boolean | null;
    seat_deprovision?: boolean | null;
    identity_update_behavior?: string | null;
    scim_base_url?: string | null;
  } | null;
  /** What was withheld, never the values. */
  redactions: Redaction[];
}

/**
 * One Access authentication log entry.
 *
 * @public
 */
export interface AccessRequest {
  created_at: string;
  action?: string | null;
  allowed?: boolean | null;
  app_domain?: string | null;
  app_uid?: string | null;
  connection?: string | null;
  ip_address?: string | null;
  ray_id?: string | null;
  user_email?: string | null;
}
