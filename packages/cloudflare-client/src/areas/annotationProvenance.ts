import { sanitizeCiRunUrl } from '../ciRunUrl';
import { ClientContext } from '../context';
import { ParsedProvenance, parseProvenanceAnnotation } from '../provenance';

const AREA = 'workers';

/**
 * Reads the `sha=` / `run=` convention out of a Pages commit message, the run URL cleaned with the
 * client's CI link policy; dropped URL parts are counted as redactions of `area`.
 */
export function readCommitMessage(
  ctx: ClientContext,
  area: string,
  raw: string | null | undefined,
): ParsedProvenance {
  const { redactor } = ctx;
  const parsed = parseProvenanceAnnotation(
    raw,
    redactor.ciRunUrlPolicy,
    redactor,
  );
  ctx.countRedactions(area, parsed.redacted ?? 0);
  return parsed;
}

/** What a deployment's annotations say, every URL cleaned. */
export interface AnnotationProvenance {
  /** The first commit SHA of the convention found. */
  commitSha?: string;
  /** The first run URL of the convention found, cleaned. */
  ciRunUrl?: string;
}

/**
 * Reads a deployment's annotations (the version's `workers/message` and `workers/tag`, then the
 * deployment's message) for the `sha=` / `run=` convention, the run URL cleaned by the client's CI
 * link policy. Dropped URL parts are counted as Workers redactions.
 */
export function readAnnotationProvenance(
  ctx: ClientContext,
  versionMessage: string | null | undefined,
  versionTag: string | null | undefined,
  deploymentMessage: string | null | undefined,
): AnnotationProvenance {
  const { redactor } = ctx;
  const policy = redactor.ciRunUrlPolicy;
  const parsed = [versionMessage, versionTag, deploymentMessage].map(t =>
    parseProvenanceAnnotation(t, policy, redactor),
  );
  const run = parsed.find(p => p.ciRunUrl || p.redacted);
  ctx.countRedactions(AREA, run?.redacted ?? 0);
  return {
    commitSha: parsed.find(p => p.commitSha)?.commitSha,
    ciRunUrl: run?.ciRunUrl,
  };
}

/**
 * Cleans a Workers Builds `pull_request_url` with the client's CI link policy, counting what was
 * dropped as a Workers redaction.
 */
export function cleanPullRequestUrl(
  ctx: ClientContext,
  raw: string | null | undefined,
): string | undefined {
  const clean = sanitizeCiRunUrl(
    raw,
    ctx.redactor.ciRunUrlPolicy,
    ctx.redactor,
  );
  ctx.countRedactions(AREA, clean.redacted);
  return clean.url;
}

/** Commit URL on GitHub or GitLab. */
export function gitCommitUrl(
  provider?: string | null,
  owner?: string | null,
  repo?: string | null,
  sha?: string | null,
) {
  if (!owner || !repo || !sha) return undefined;
  if (provider === 'gitlab')
    return `https://gitlab.com/${owner}/${repo}/-/commit/${sha}`;
  if (!provider || provider === 'github')
    return `https://github.com/${owner}/${repo}/commit/${sha}`;
  return undefined;
}

/** A GitHub Actions run URL names the repository: derive the commit URL from it. */
export function githubCommitFromRun(runUrl?: string, sha?: string) {
  if (!runUrl || !sha) return undefined;
  const m = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/actions\/runs\/\d+/.exec(
    runUrl,
  );
  return m ? `https://github.com/${m[1]}/${m[2]}/commit/${sha}` : undefined;
}
