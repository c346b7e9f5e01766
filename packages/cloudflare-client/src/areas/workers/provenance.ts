import { WorkerDeployment } from '@cloudflare-backstage/plugin-cloudflare-common';
import { ClientContext } from '../../context';
import { compact, seg } from '../../envelope';
import {
  gitCommitUrl,
  githubCommitFromRun,
  readAnnotationProvenance,
} from '../annotationProvenance';
import {
  CloudflareWorkerDeployment,
  WorkerVersion,
  WorkersBuild,
} from './types';

/**
 * One deployment with its provenance (`index` 0 is the deployment serving traffic): from Workers
 * Builds where its main version was built there, else from the version's `workers/message` /
 * `workers/tag` (convention `sha=<40 hex> run=<https url>`), else from the deployment's message.
 */
export function withProvenance(
  ctx: ClientContext,
  scriptName: string,
  d: CloudflareWorkerDeployment,
  index: number,
  versions: Map<string, WorkerVersion>,
  builds: Record<string, WorkersBuild>,
): WorkerDeployment {
  const sorted = [...d.versions].sort((a, b) => b.percentage - a.percentage);
  const primary = sorted[0];
  const version = primary ? versions.get(primary.version_id) : undefined;
  const build = primary ? builds[primary.version_id] : undefined;
  const { commitSha, ciRunUrl } = readAnnotationProvenance(
    ctx,
    version?.annotations?.['workers/message'],
    version?.annotations?.['workers/tag'],
    d.annotations?.['workers/message'],
  );
  const base: WorkerDeployment = {
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
    authorEmail: d.author_email ?? undefined,
  };
  const meta = build?.build_trigger_metadata;
  if (build && meta?.commit_hash) {
    const repoConnection = build.trigger?.repo_connection;
    const owner =
      meta.provider_account_name ?? repoConnection?.provider_account_name;
    const repo = meta.repo_name ?? repoConnection?.repo_name;
    const provider = meta.provider_type ?? repoConnection?.provider_type;
    return compact({
      ...base,
      provenance: 'workers-builds' as const,
      commitSha: meta.commit_hash,
      commitUrl: gitCommitUrl(provider, owner, repo, meta.commit_hash),
      ciRunUrl: `https://dash.cloudflare.com/${
        ctx.accountId
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
