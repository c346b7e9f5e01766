/**
 * What to change in Cloudflare (or the catalog) to make each check of the SOC 2 pack pass: the one
 * source of the remediation page and of `docs/soc2-remediation.md`.
 */
import { CLOUDFLARE_SCORECARDS, CLOUDFLARE_SOC2_CRITERIA } from './scorecards';

/**
 * How to remediate one check of the SOC 2 pack.
 *
 * @public
 */
export interface CloudflareCheckRemediation {
  /** Why the check matters for its SOC 2 criterion. */
  why: string;
  /** The Cloudflare setting (or catalog field) to change: dashboard path and API or wrangler equivalent. */
  setting: string;
  /** Two to four concrete steps that make the check pass. */
  steps: readonly string[];
}

/**
 * Remediation of every check of `CLOUDFLARE_SCORECARDS`, keyed by check id.
 *
 * @public
 */
export const CLOUDFLARE_REMEDIATIONS: Readonly<
  Record<string, CloudflareCheckRemediation>
> = {
  cloudflareAccessAuditLog24h: {
    why: 'Monitoring (CC7.2) needs a live record of who signed in to what. The check passes when the Zero Trust Access authentication log answers and holds at least one entry of the last 24 hours; an unreadable or silent log means sign-ins go unseen.',
    setting:
      'Zero Trust > Logs > Access (API: `GET /accounts/{account_id}/access/logs/access_requests`); the suite\'s API token needs "Access: Audit Logs Read".',
    steps: [
      'Give the API token in `cloudflare.apiToken` the permission "Access: Audit Logs Read" (My Profile > API Tokens > Edit).',
      'Put your internal applications behind Access (Zero Trust > Access > Applications) so every sign-in is logged.',
      'Check that Zero Trust > Logs > Access lists entries of the last day, then press Refresh on the Zero Trust Resource.',
    ],
  },
  cloudflareGlobalApiKeyUnused: {
    why: 'Logical access (CC6.1) means least privilege: the Global API Key carries every permission of its user on every account and cannot be scoped or given an expiry. The check reads the account audit log of Cloudflare (v2): it fails when any request of the last 30 days was authenticated with a Global API Key (`actor.context: api_key`), whoever made it.',
    setting:
      'My Profile > API Tokens > Create Token (API: `POST /user/tokens`); in Backstage, `cloudflare.apiToken` instead of `cloudflare.apiKey`.',
    steps: [
      'Find who used the key: Manage Account > Audit Log, filtered on the last 30 days, requests authenticated with the API key (API: `GET /accounts/{account_id}/logs/audit?actor_context=api_key`).',
      'Give each script or tool an API token scoped to what it needs instead (and the backend `cloudflare.apiToken`, never `cloudflare.apiKey`).',
      'Roll the Global API Key (My Profile > API Tokens > Global API Key > Change) so no copy of it stays valid.',
    ],
  },
  cloudflareApiTokenHygiene: {
    why: 'Logical access (CC6.1) requires credentials to be rotated and removed when not needed. The check passes when no active API token may live longer than 180 days (no expiry, or an expiry more than 180 days after issue) and none went unused for 90 days. The Global API Key has its own check.',
    setting:
      'My Profile > API Tokens and Manage Account > Account API Tokens > Edit > TTL (API: `PUT /user/tokens/{token_id}` or `PUT /accounts/{account_id}/tokens/{token_id}` with `expires_on`).',
    steps: [
      'Open the failing result: it lists the offending tokens by owner and token id (never by name).',
      'Give each long-lived token an end date at most 180 days after it was issued, or roll it into a new token that has one.',
      'Delete the tokens unused for 90 days (or roll them if a job still needs them).',
    ],
  },
  cloudflareWorkerSecretsCentralized: {
    why: 'Logical access (CC6.1): secrets kept per Worker are copied, scoped and rotated one by one. The check passes when a Worker has no `secret_text` binding and no `plain_text` or `json` binding named like a credential (such as `STRIPE_API_KEY`); `secrets_store_secret` bindings are the way.',
    setting:
      'Workers & Pages > <worker> > Settings > Variables and Secrets, and Secrets Store (API: `POST /accounts/{account_id}/secrets_store/stores/{store_id}/secrets`; wrangler: `wrangler secrets-store secret create <store-id> --name <NAME> --scopes workers`).',
    steps: [
      'Create each secret in the Secrets Store: `wrangler secrets-store secret create <store-id> --name STRIPE_API_KEY --scopes workers --remote`.',
      'Bind it in wrangler.toml: `[[secrets_store_secrets]] binding = "STRIPE_API_KEY", store_id = "<store-id>", secret_name = "STRIPE_API_KEY"`, and read it with `await env.STRIPE_API_KEY.get()`.',
      'Deploy, then delete the old binding: `wrangler secret delete STRIPE_API_KEY` (or remove the plain-text variable from Variables and Secrets).',
    ],
  },
  cloudflareDeploymentProvenance: {
    why: 'Change management (CC8.1): every production change must trace back to a reviewed commit and the pipeline that shipped it. The check passes when each Worker and Pages deployment a Component serves carries a 40-hex commit SHA and an https CI run URL.',
    setting:
      'Workers & Pages > <worker> > Settings > Build (Workers Builds), or the deploy step of your CI: `wrangler deploy --message "sha=<sha> run=<url>" --tag "sha=<sha>"` (docs/ci-provenance.md).',
    steps: [
      'Deploy from CI rather than the dashboard or a laptop: connect the repository in Settings > Build, or deploy from your pipeline.',
      'In a pipeline, write `sha=${GITHUB_SHA} run=${RUN_URL}` into `--message` (and `sha=` into `--tag`) on every `wrangler deploy` or `wrangler versions deploy`.',
      'For Pages direct uploads, pass `wrangler pages deploy --commit-hash "$GITHUB_SHA" --commit-message "sha=$GITHUB_SHA run=$RUN_URL"`, or deploy through the Git integration.',
      'Redeploy the serving version so the newest deployment carries both, and wait for the next catalog run.',
    ],
  },
  cloudflareProdDeploymentAudited: {
    why: "Change management (CC8.1): a production change must leave an audit trail. The check passes when every production deployment of the last 30 days of the Component's Workers and Pages projects has an account audit log event naming the script, project or deployment within ±24 hours.",
    setting:
      'Manage Account > Audit Log (API: `GET /accounts/{account_id}/logs/audit`); the suite\'s API token needs "Account: Audit Logs Read".',
    steps: [
      'Give the API token "Account: Audit Logs Read" so the suite can read the account audit log.',
      "Deploy with an account member's or CI's API token through the Cloudflare API or wrangler, which the audit log records; avoid out-of-band copies.",
      'Check Manage Account > Audit Log for an event on the script or project at the deployment time; if it is missing, redeploy through the API.',
    ],
  },
  cloudflareR2RegulatedLifecycle: {
    why: 'Disposal of confidential information (C1.2): regulated data must not be kept longer than needed. The check passes when every bucket tagged as regulated (Cloudflare tag `data-class=regulated`, or `techInsights.cloudflare.r2.regulatedTag`) has at least one enabled lifecycle rule.',
    setting:
      'R2 > <bucket> > Settings > Object lifecycle rules (API: `PUT /accounts/{account_id}/r2/buckets/{bucket}/lifecycle`; wrangler: `wrangler r2 bucket lifecycle add <bucket>`).',
    steps: [
      "Agree the retention of the bucket's data with its owner (for example 365 days).",
      'Add an enabled rule: `wrangler r2 bucket lifecycle add <bucket> expire-regulated --expire-days 365` (add `--jurisdiction eu` for an EU bucket).',
      "Check it under R2 > <bucket> > Settings > Object lifecycle rules, then press Refresh on the bucket's Resource.",
    ],
  },
  cloudflareKvPiiRetention: {
    why: 'Retention of personal information (P4.2): personal data must be kept only as long as stated. The check passes when a namespace tagged `pii=true` (or `techInsights.cloudflare.kv.piiTag`) has keys that expire (every sampled key has an expiration) or a TechDocs page that states its retention.',
    setting:
      'Workers & Pages > KV > <namespace> (write keys with `expirationTtl`: `env.NS.put(key, value, { expirationTtl })`, `wrangler kv key put --ttl`), or `backstage.io/techdocs-ref` in the catalog.',
    steps: [
      'Write every key with an expiry: `await env.SESSIONS.put(key, value, { expirationTtl: 60 * 60 * 24 * 30 })`.',
      'Rewrite or delete the existing keys that have none (`wrangler kv key put --namespace-id <id> <key> <value> --ttl <seconds>`).',
      "Or, where keys must not expire, document the retention in TechDocs: add `backstage.io/techdocs-ref` to the namespace's Resource or to a Component that depends on it.",
    ],
  },
  cloudflareQueueBacklog: {
    why: 'Capacity management (A1.1): a growing backlog means consumers cannot keep up and messages wait. The check passes when a queue holds at most `techInsights.cloudflare.queues.maxBacklogMessages` messages (default 10,000) and its oldest message is at most `maxOldestMessageAgeSeconds` old (default 900).',
    setting:
      'Workers & Pages > Queues > <queue> > Settings > Consumers (wrangler.toml `[[queues.consumers]]`: `max_batch_size`, `max_batch_timeout`, `max_concurrency`).',
    steps: [
      'Check that delivery is not paused (Queues > <queue>; `wrangler queues resume-delivery <queue>`).',
      "Raise the consumer's throughput: a larger `max_batch_size`, or leave `max_concurrency` unset so it scales.",
      "Fix the consumer errors that make messages retry (Workers & Pages > <consumer> > Logs), then press Refresh on the queue's Resource.",
    ],
  },
  cloudflareQueueDeadLetter: {
    why: 'Recovery infrastructure (A1.2): a message a consumer cannot process must be kept, not dropped, and someone must notice. The check passes when every consumer of the queue has a dead-letter queue and those queues are empty or did not grow at their last observed change.',
    setting:
      'Workers & Pages > Queues > <queue> > Settings > Consumers > Dead letter queue (wrangler.toml `dead_letter_queue = "<queue>-dlq"` under `[[queues.consumers]]`).',
    steps: [
      'Create the dead-letter queue: `wrangler queues create <queue>-dlq`.',
      'Set `dead_letter_queue = "<queue>-dlq"` (and `max_retries`) on every consumer of the queue and deploy.',
      'Drain the dead-letter queue: fix the cause, replay or discard its messages, so its backlog stops rising.',
    ],
  },
  cloudflareWorkflowStepsRetry: {
    why: "Recovery infrastructure (A1.2): a transient fault in one step must not fail a whole run. The check passes when every `step.do` of the workflow's current version retries at least `techInsights.cloudflare.workflows.minStepRetries` times (default 1).",
    setting:
      "The workflow's code: the config argument of `step.do(name, { retries: { limit, delay, backoff } }, fn)`; Workers & Pages > Workflows > <workflow> shows the step graph.",
    steps: [
      'Find the steps the failing result names ("Steps without retries").',
      'Give each a retry policy: `step.do("charge", { retries: { limit: 5, delay: "10 seconds", backoff: "exponential" } }, fn)`.',
      "Deploy the Worker that hosts the workflow, then press Refresh on the workflow's Resource.",
    ],
  },
  cloudflareWorkflowLastRunSucceeded: {
    why: 'Monitoring (CC7.2): a failed run is an incident to notice. The check passes when the last ended run of the workflow completed; an errored or terminated last run fails.',
    setting:
      'Workers & Pages > Workflows > <workflow> > Instances (wrangler: `wrangler workflows instances describe <workflow> latest`).',
    steps: [
      'Open the failed instance and read its error and failing step.',
      "Fix the cause in the workflow's code or its dependencies and deploy.",
      'Start a new run (`wrangler workflows trigger <workflow>`) or restart the instance; once it completes, press Refresh.',
    ],
  },
  cloudflareDurableObjectErrorRate: {
    why: 'Monitoring (CC7.2): a class that fails its callers is an outage in progress. The check passes when at most `techInsights.cloudflare.durableObjects.maxErrorRate` (default 1%) of the requests to the Durable Object class failed over the last 24 hours.',
    setting:
      'Workers & Pages > <worker> > Durable Objects > <class> > Metrics (GraphQL Analytics `durableObjectsInvocationsAdaptiveGroups`); the API token needs "Account Analytics Read".',
    steps: [
      'Read the errors: `wrangler tail <worker>` or Workers & Pages > <worker> > Logs, filtered to the class.',
      'Fix the failing code path (uncaught exceptions, exceeded CPU or storage limits) and deploy.',
      "Wait for a day of traffic below the threshold, then press Refresh on the class's Resource.",
    ],
  },
  cloudflareDurableObjectWebSocketsDocumented: {
    why: 'Internal communication (CC2.2): long-lived connections are a part of the system others must know about. The check passes when a class that served WebSockets in the last 24 hours has a TechDocs page on its Resource or on a Component that depends on it.',
    setting:
      "The catalog: the `backstage.io/techdocs-ref` annotation on the class's Resource or on the Component that uses it (`cloudflare.com/durable-object` annotation).",
    steps: [
      'Write a TechDocs page for the service: who connects, what messages flow, how connections are authenticated and closed.',
      'Add `backstage.io/techdocs-ref: dir:.` to the Component that annotates the class with `cloudflare.com/durable-object`.',
      "Wait for the catalog to refresh the Component, then press Refresh on the class's Resource.",
    ],
  },
  cloudflareAiGatewayRateLimitRetries: {
    why: "Resilience (A1.2): one caller must not exhaust the providers' capacity, and a provider's transient fault must not fail the caller. The check passes when the gateway has rate limiting on (within `techInsights.cloudflare.aiGateway.maxRequestsPerMinute` when set) and retries failed requests at least `minRetryAttempts` times (default 1).",
    setting:
      'AI > AI Gateway > <gateway> > Settings > Rate limiting and Retries (API: `PUT /accounts/{account_id}/ai-gateway/gateways/{id}` with `rate_limiting_limit`, `rate_limiting_interval`, and the retry settings).',
    steps: [
      "Turn on Rate limiting and set a limit per interval that fits your providers' quotas.",
      'Turn on retries (at least 1 attempt, with backoff) for failed provider requests.',
      "Save, then press Refresh on the gateway's Resource once the catalog has read it.",
    ],
  },
  cloudflareVectorizeDimensionsMatchModel: {
    why: "Accuracy of system inputs (PI1.2): vectors from a model of other dimensions cannot be queried correctly. The check passes when the index's dimensions equal those of its embedding model, named by its Cloudflare tag `embedding-model`, else the `cloudflare.com/embedding-model` annotation of a Component depending on it, else its preset.",
    setting:
      'AI > Vectorize > <index> (dimensions are fixed at creation: `wrangler vectorize create <index> --dimensions <n> --metric cosine` or `--preset <model>`).',
    steps: [
      'Name the model the index is filled with: tag the index `embedding-model=<model>` or annotate its Component with `cloudflare.com/embedding-model`.',
      "If the dimensions differ, create a new index with the model's dimensions (`--preset @cf/baai/bge-base-en-v1.5`) and re-embed into it.",
      "Point the Worker's `[[vectorize]]` binding at the new index, deploy, and delete the old one.",
    ],
  },
  cloudflareVectorizeRecentWrite: {
    why: 'Monitoring (CC7.2): an index that stopped being written means a stalled embedding pipeline and stale answers. The check passes when the index processed a write within `techInsights.cloudflare.vectorize.maxWriteAgeDays` (default 7); an index never written fails.',
    setting:
      'AI > Vectorize > <index> (wrangler: `wrangler vectorize info <index>` shows `processedUpToDatetime`).',
    steps: [
      'Find the job that upserts into the index (a Worker, a queue consumer or a workflow) and why it stopped.',
      'Restart it, or upsert the pending vectors (`wrangler vectorize insert <index> --file vectors.ndjson`).',
      'Delete the index if it is no longer used, so it does not count.',
    ],
  },
  cloudflareAiSearchRecentCrawl: {
    why: 'Completeness and accuracy of inputs (PI1.2): answers rest on what the last successful crawl read. The check passes when the AI Search instance had a successful crawl or sync of its website or R2 bucket within `techInsights.cloudflare.aiSearch.maxCrawlAgeDays` (default 7).',
    setting:
      'AI > AI Search > <instance> > Overview > Sync (API: `POST /accounts/{account_id}/ai-search/instances/{id}/jobs`).',
    steps: [
      "Open the instance's jobs and read why the last syncs failed (source unreachable, R2 permissions, sitemap errors).",
      "Fix the data source: the bucket binding, the site's robots rules or the crawler's allowed hosts.",
      "Start a sync and wait for it to succeed, then press Refresh on the instance's Resource.",
    ],
  },
  cloudflareComponentCoverage: {
    why: 'Logical access (CC6.1) starts from an inventory: a production service whose Cloudflare resources are not linked to it escapes every other check. The check passes when a production Component is related to at least one Cloudflare Resource that exists in the catalog (the pack asks 95% of them).',
    setting:
      'The catalog: `cloudflare.com/<area>` annotations on the Component (`cloudflare.com/worker`, `cloudflare.com/r2`, ...), each naming a resource the Cloudflare provider ingested.',
    steps: [
      'Add the annotation of each Cloudflare resource the Component uses, for example `cloudflare.com/worker: acme-api`.',
      'Check the name against the Resource entities (`cf-<area>-<name>`): a name that matches no Resource does not count.',
      'Wait for the catalog to process the Component (its Relations show `dependsOn` the Resource), then press Refresh.',
    ],
  },
};

/**
 * `docs/soc2-remediation.md`: one section per scorecard, one anchor per check (its id).
 *
 * @public
 */
export function renderCloudflareRemediationMarkdown(): string {
  const lines = [
    '# SOC 2 remediation',
    '',
    '<!-- Generated from plugins/cloudflare-common/src/remediation.ts; do not edit. Rewrite with:',
    'yarn tsx -e "import(\'./plugins/cloudflare-common/src/remediation.ts\').then(m => process.stdout.write(m.renderCloudflareRemediationMarkdown()))" > docs/soc2-remediation.md -->',
    '',
    'What to change in Cloudflare (or the catalog) to make each check of the SOC 2 pack pass. The same text is the',
    "Backstage app's remediation page (`/cloudflare/remediation#<check id>`).",
  ];
  for (const scorecard of CLOUDFLARE_SCORECARDS) {
    lines.push('', `## ${scorecard.title}`, '', scorecard.summary);
    for (const { id, criterion } of scorecard.checks) {
      const r = CLOUDFLARE_REMEDIATIONS[id];
      lines.push(
        '',
        `<a id="${id}"></a>`,
        '',
        `### ${id}`,
        '',
        `**${criterion} ${CLOUDFLARE_SOC2_CRITERIA[criterion]}.** ${r.why}`,
        '',
        `**Setting:** ${r.setting}`,
        '',
        ...r.steps.map((step, i) => `${i + 1}. ${step}`),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
