/** Schemas and field classes of Zero Trust Access reads (the reads are in `zeroTrust.ts`). */
import { z } from 'zod';

export const AREA = 'zeroTrust';
const str = z.string().nullish();
const bool = z.boolean().nullish();
const rules = z.array(z.unknown()).nullish();

// ---------------------------------------------------------------------------------------------
// Applications

/**
 * Parses an `AccessApplication`. Secret fields (`scim_config.authentication`,
 * `saas_app.client_secret`) are not part of the schema.
 */
export const accessApplicationSchema = z.object({
  id: z.string(),
  aud: str,
  name: str,
  domain: str,
  type: str,
  self_hosted_domains: z.array(z.string()).nullish(),
  destinations: z
    .array(
      z.object({
        type: str,
        uri: str,
        hostname: str,
        cidr: str,
        port_range: str,
        l4_protocol: str,
      }),
    )
    .nullish(),
  session_duration: str,
  allowed_idps: z.array(z.string()).nullish(),
  auto_redirect_to_identity: bool,
  app_launcher_visible: bool,
  enable_binding_cookie: bool,
  http_only_cookie_attribute: bool,
  policies: z
    .array(
      z.object({
        id: str,
        name: str,
        decision: str,
        precedence: z.number().nullish(),
        reusable: bool,
      }),
    )
    .nullish(),
  tags: z.array(z.string()).nullish(),
  created_at: str,
  updated_at: str,
  scim_config: z
    .object({
      enabled: bool,
      idp_uid: str,
      remote_uri: str,
      deactivate_on_delete: bool,
    })
    .nullish(),
  saas_app: z
    .object({
      auth_type: str,
      sp_entity_id: str,
      consumer_service_url: str,
      client_id: str,
      name_id_format: str,
    })
    .nullish(),
});

export const APP_SECRET_PATHS = [
  'scim_config.authentication.password',
  'scim_config.authentication.token',
  'scim_config.authentication.client_secret',
  'saas_app.client_secret',
];

// ---------------------------------------------------------------------------------------------
// Policies

/** Parses an `AccessPolicy`; its rules are redacted after parsing. */
export const accessPolicySchema = z.object({
  id: z.string(),
  name: str,
  decision: str,
  precedence: z.number().nullish(),
  include: rules,
  exclude: rules,
  require: rules,
  approval_required: bool,
  approval_groups: z
    .array(
      z.object({
        approvals_needed: z.number().nullish(),
        email_addresses: z.array(z.string()).nullish(),
        email_list_uuid: str,
      }),
    )
    .nullish(),
  isolation_required: bool,
  purpose_justification_required: bool,
  purpose_justification_prompt: str,
  session_duration: str,
  reusable: bool,
  app_count: z.number().nullish(),
  mfa_config: z
    .object({
      allowed_authenticators: z.array(z.string()).nullish(),
      mfa_disabled: bool,
      session_duration: str,
    })
    .nullish(),
  created_at: str,
  updated_at: str,
});

// ---------------------------------------------------------------------------------------------
// Identity providers

const IDP_CONFIG_KEYS = [
  'client_id',
  'okta_account',
  'onelogin_account',
  'ping_env_id',
  'directory_id',
  'centrify_account',
  'centrify_app_id',
  'apps_domain',
  'auth_url',
  'token_url',
  'certs_url',
  'issuer_url',
  'sso_target_url',
  'redirect_url',
  'authorization_server_id',
  'email_claim_name',
  'claims',
  'scopes',
  'attributes',
  'conditional_access_enabled',
  'support_groups',
  'pkce_enabled',
  'sign_request',
  'email_attribute_name',
] as const;

/**
 * Parses an `IdentityProvider`: `config` keeps an allow-list of non-secret settings, so
 * `client_secret`, signing keys and `scim_config.secret` are not kept.
 */
export const identityProviderSchema = z.object({
  id: z.string(),
  name: str,
  type: str,
  config: z
    .object(
      Object.fromEntries(
        IDP_CONFIG_KEYS.map(k => [k, z.unknown().optional()]),
      ) as Record<
        (typeof IDP_CONFIG_KEYS)[number],
        z.ZodOptional<z.ZodUnknown>
      >,
    )
    .nullish(),
  scim_config: z
    .object({
      enabled: bool,
      user_deprovision: bool,
      seat_deprovision: bool,
      identity_update_behavior: str,
      scim_base_url: str,
    })
    .nullish(),
});

// ---------------------------------------------------------------------------------------------
// Access requests (authentication logs) and users

/** Parses an `AccessRequest`. */
export const accessRequestSchema = z.object({
  action: str,
  allowed: bool,
  app_domain: str,
  app_uid: str,
  connection: str,
  created_at: z.string(),
  ip_address: str,
  ray_id: str,
  user_email: str,
});

/**
 * Filters of {@link ZeroTrustApi.listAccessRequests}.
 *
 * @public
 */
export interface AccessRequestFilter {
  /** Earliest time (ISO 8601). */
  since?: string;
  /** Latest time (ISO 8601). */
  until?: string;
  /** Most entries (Cloudflare's default 25, at most 1000). */
  limit?: number;
  /** Only this user's entries. */
  email?: string;
  /** Only this action (e.g. `login`, `logout`); filtered after reading. */
  action?: string;
  /** Only allowed (true) or denied (false) attempts; filtered after reading. */
  allowed?: boolean;
  /** `desc` (default) or `asc`. */
  direction?: 'asc' | 'desc';
}

// ---------------------------------------------------------------------------------------------
