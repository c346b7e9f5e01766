import { z } from 'zod';
import { ClientContext } from '../context';
import { compact } from '../envelope';
import { PagesDeployment } from '@cloudflare-backstage/plugin-cloudflare-common';
import { readCommitMessage } from './annotationProvenance';
import { Redaction } from '../redaction';
import {
  AREA,
  DeploymentConfig,
  PagesDeploymentsOptions,
  PagesProject,
  commitUrlOf,
  deploymentConfigSchema,
  pagesDeploymentSchema,
  pagesProjectSchema,
} from './pagesSchemas';

export type {
  DeploymentConfig,
  PagesDeploymentsOptions,
  PagesEnvVarName,
  PagesProject,
} from './pagesSchemas';

/**
 * Pages reads.
 *
 * @public
 */
export class PagesApi {
  constructor(private readonly ctx: ClientContext) {}

  /** Every Pages project (page paging). */
  async listProjects(): Promise<PagesProject[]> {
    return this.ctx.run(AREA, 'pages.listProjects', async () => {
      const out: PagesProject[] = [];
      for await (const p of this.ctx.sdk.pages.projects.list({
        account_id: this.ctx.accountId,
      })) {
        out.push(this.toProject(p));
      }
      return out;
    });
  }

  /** One project. */
  async getProject(projectName: string): Promise<PagesProject> {
    return this.ctx.run(AREA, 'pages.getProject', async () => {
      const p = await this.ctx.sdk.pages.projects.get(projectName, {
        account_id: this.ctx.accountId,
      });
      return this.toProject(p);
    });
  }

  /** Deployments of a project, newest first, paging through everything (or up to `limit`). */
  async listDeployments(
    projectName: string,
    options: PagesDeploymentsOptions = {},
  ): Promise<PagesDeployment[]> {
    return this.ctx.run(AREA, 'pages.listDeployments', async () => {
      const out: PagesDeployment[] = [];
      for await (const d of this.ctx.sdk.pages.projects.deployments.list(
        projectName,
        {
          account_id: this.ctx.accountId,
          ...(options.env ? { env: options.env } : {}),
        },
      )) {
        out.push(this.toDeployment(d).deployment);
        if (options.limit !== undefined && out.length >= options.limit) break;
      }
      return out;
    });
  }

  /** One deployment. */
  async getDeployment(
    projectName: string,
    deploymentId: string,
  ): Promise<PagesDeployment> {
    return this.ctx.run(AREA, 'pages.getDeployment', async () => {
      const d = await this.ctx.sdk.pages.projects.deployments.get(
        deploymentId,
        {
          account_id: this.ctx.accountId,
          project_name: projectName,
        },
      );
      return this.toDeployment(d).deployment;
    });
  }

  private secretNotes(raw: unknown, notes: Redaction[], prefix = ''): void {
    const r = (raw ?? {}) as {
      env_vars?: Record<string, { value?: unknown } | null> | null;
      build_config?: { web_analytics_token?: unknown } | null;
    };
    for (const [k, v] of Object.entries(r.env_vars ?? {})) {
      if (v && v.value !== undefined && v.value !== null && v.value !== '') {
        notes.push({
          path: `${prefix}env_vars.${this.ctx.redactor.pathName(k)}.value`,
          reason: 'secret-field',
        });
      }
    }
    if (r.build_config?.web_analytics_token) {
      notes.push({
        path: `${prefix}build_config.web_analytics_token`,
        reason: 'secret-field',
      });
    }
  }

  /** A deployment and what was withheld from it (counted unless `count` is false). */
  private toDeployment(
    raw: unknown,
    count = true,
  ): { deployment: PagesDeployment; redactions: Redaction[] } {
    const d = pagesDeploymentSchema.parse(raw);
    const redactions: Redaction[] = [];
    this.secretNotes(raw, redactions);
    if (count) this.ctx.countRedactions(AREA, redactions);
    const meta = d.deployment_trigger?.metadata;
    const triggerType = d.deployment_trigger?.type ?? undefined;
    const parsed = readCommitMessage(this.ctx, AREA, meta?.commit_message);
    const commitSha = meta?.commit_hash || parsed.commitSha || undefined;
    const projectName = d.project_name ?? undefined;
    const ciRunUrl =
      triggerType && triggerType !== 'ad_hoc' && projectName
        ? `https://dash.cloudflare.com/${
            this.ctx.accountId
          }/pages/view/${encodeURIComponent(projectName)}/${encodeURIComponent(
            d.id,
          )}`
        : parsed.ciRunUrl;
    const deployment: PagesDeployment = compact({
      id: d.id,
      shortId: d.short_id ?? undefined,
      projectName,
      createdOn: d.created_on,
      environment: d.environment ?? undefined,
      branch: meta?.branch || undefined,
      commitSha,
      commitUrl: commitUrlOf(d.source, commitSha),
      triggerType,
      status: d.latest_stage?.status ?? undefined,
      stage: d.latest_stage?.name ?? undefined,
      ciRunUrl,
      url: d.url ?? undefined,
      aliases: d.aliases ?? undefined,
      isSkipped: d.is_skipped ?? undefined,
    });
    return { deployment, redactions };
  }

  private toConfig(
    raw: z.infer<typeof deploymentConfigSchema>,
  ): DeploymentConfig | undefined {
    if (!raw) return undefined;
    const env_vars = Object.entries(raw.env_vars ?? {}).map(([name, v]) =>
      compact({
        name,
        type: v?.type ?? 'plain_text',
        credentialLike: this.ctx.redactor.isCredentialName(name) || undefined,
      }),
    );
    return compact({ ...raw, env_vars }) as DeploymentConfig;
  }

  private toProject(raw: unknown): PagesProject {
    const p = pagesProjectSchema.parse(raw);
    const redactions: Redaction[] = [];
    const r = raw as {
      deployment_configs?: { preview?: unknown; production?: unknown } | null;
      build_config?: unknown;
    };
    this.secretNotes({ build_config: r.build_config }, redactions);
    this.secretNotes(
      r.deployment_configs?.preview,
      redactions,
      'deployment_configs.preview.',
    );
    this.secretNotes(
      r.deployment_configs?.production,
      redactions,
      'deployment_configs.production.',
    );
    const latest = p.latest_deployment
      ? this.toDeployment(p.latest_deployment, false)
      : null;
    const canonical = p.canonical_deployment
      ? this.toDeployment(p.canonical_deployment, false)
      : null;
    this.ctx.countRedactions(AREA, redactions);
    this.ctx.countRedactions(
      AREA,
      (latest?.redactions.length ?? 0) + (canonical?.redactions.length ?? 0),
    );
    return {
      ...p,
      deployment_configs: compact({
        preview: this.toConfig(p.deployment_configs?.preview),
        production: this.toConfig(p.deployment_configs?.production),
      }),
      latest_deployment: latest?.deployment ?? null,
      canonical_deployment: canonical?.deployment ?? null,
      redactions,
    };
  }
}
