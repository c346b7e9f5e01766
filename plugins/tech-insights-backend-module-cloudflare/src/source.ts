/**
 * The narrow view of Cloudflare that the fact retrievers need. The retrievers never touch the SDK
 * or the client's wider surface: they read these few shapes, which carry no secrets and no personal
 * data (no e-mails, no IPs, no token values). {@link createCloudflareFactSource} adapts the suite's
 * `CloudflareClient` to it; tests can hand in the same adapter over a client pointed at the demo
 * account, or any fake.
 */

/**
 * A Workers or Pages deployment, reduced to what provenance and audit checks need.
 *
 * @public
 */
export interface FactSourceDeployment {
  /** Deployment id as Cloudflare reports it. */
  id: string;
  /** When the deployment was created (ISO-8601). */
  createdOn: string;
  /** `production` or `preview`. Every Workers deployment serves traffic, so it is `production`. */
  environment: 'production' | 'preview';
  /** Commit SHA the deployment was built from, when known. */
  commitSha?: string;
  /** URL of the CI run that built or deployed it, when known. */
  ciRunUrl?: string;
}

/**
 * One account audit log entry, reduced to when it happened and what it touched.
 *
 * @public
 */
export interface FactSourceAuditEvent {
  /** When the action happened (ISO-8601). */
  at: string;
  /** Product the action concerned (`workers`, `pages`, `access`, ...), when known. */
  product?: string;
  /** Id of the resource the action concerned (a script name, `<project>/<deployment id>`, ...). */
  resourceId?: string;
}

/**
 * One Zero Trust Access authentication log entry, reduced to its time.
 *
 * @public
 */
export interface FactSourceAccessEvent {
  /** When the request was logged (ISO-8601). */
  createdAt: string;
}

/**
 * An API token's metadata. Never its value, nor its name (names are often personal).
 *
 * @public
 */
export interface FactSourceToken {
  /** Token id. */
  id: string;
  /** `user` for `/user/tokens`, `account` for account-owned tokens. */
  owner: 'user' | 'account';
  /** `active`, `disabled` or `expired`. */
  status?: string;
  /** When the token was issued (ISO-8601). */
  issuedOn?: string;
  /** When the token expires (ISO-8601); absent when it never expires. */
  expiresOn?: string;
  /** When the token was last used (ISO-8601); absent when never used. */
  lastUsedOn?: string;
}

/**
 * What the Cloudflare fact retrievers read. Every method throws on an upstream fault (the
 * retrievers then log and emit no fact); none returns secrets.
 *
 * @public
 */
export interface CloudflareFactSource {
  /** Id of the Cloudflare account the source reads. */
  readonly accountId: string;
  /** True when the connection authenticates with the Global API Key instead of an API token. */
  readonly usesGlobalApiKey: boolean;
  /** Deployments of a Worker script, newest first. */
  workerDeployments(scriptName: string): Promise<FactSourceDeployment[]>;
  /** Deployments of a Pages project (production and preview), newest first. */
  pagesDeployments(projectName: string): Promise<FactSourceDeployment[]>;
  /** Account audit log entries with `since <= at < before`. */
  auditEvents(range: {
    since: Date;
    before: Date;
  }): Promise<FactSourceAuditEvent[]>;
  /** Access authentication log entries with `since <= createdAt <= until`, newest first, at most `limit`. */
  accessEvents(range: {
    since: Date;
    until: Date;
    limit: number;
  }): Promise<FactSourceAccessEvent[]>;
  /** User-owned and account-owned API tokens (metadata only). */
  tokens(): Promise<FactSourceToken[]>;
}
