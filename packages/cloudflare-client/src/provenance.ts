/**
 * The provenance convention for Workers deployed outside Workers Builds (e.g. GitHub Actions):
 * the deploy step writes `sha=<40 hex> run=<https URL>` into the version's `workers/message`
 * (`wrangler deploy --message`) and, space permitting, `workers/tag` (`--tag`). Other text around the
 * two pairs is allowed; each pair is read on its own, so one may be present without the other.
 * See docs/ci-provenance.md.
 */

import { CiRunUrlPolicy, sanitizeCiRunUrl } from './ciRunUrl';
import type { Redactor } from './redaction';

/**
 * What {@link parseProvenanceAnnotation} found.
 *
 * @public
 */
export interface ParsedProvenance {
  /** Full 40-hex commit SHA, lower-cased. */
  commitSha?: string;
  /** CI run URL: https only, never with userinfo, query and fragment cleaned (see `sanitizeCiRunUrl`). */
  ciRunUrl?: string;
  /** Parts of the run URL that were dropped (a refused URL, a query string or parameter, a fragment); unset when none. */
  redacted?: number;
}

const SHA = /(?:^|[\s;,(\[])sha=([0-9a-fA-F]{40})(?![0-9a-zA-Z])/;
const RUN = /(?:^|[\s;,(\[])run=(\S+)/;

/**
 * Parses the `sha=<40 hex> run=<https url>` convention out of an annotation. A SHA that is not exactly
 * 40 hex characters, and a run URL that is not a valid https URL, are ignored; a run URL with a user
 * name or password is refused, and its query string and fragment are dropped unless `policy` allows
 * the host's query (see `sanitizeCiRunUrl`).
 *
 * @public
 */
export function parseProvenanceAnnotation(
  text: string | null | undefined,
  policy?: CiRunUrlPolicy,
  redactor?: Redactor,
): ParsedProvenance {
  const out: ParsedProvenance = {};
  if (!text) return out;
  const sha = SHA.exec(text);
  if (sha) out.commitSha = sha[1].toLowerCase();
  const run = RUN.exec(text);
  if (run) {
    const candidate = run[1].replace(/[)\].,;]+$/, '');
    const clean = sanitizeCiRunUrl(candidate, policy, redactor);
    if (clean.url) out.ciRunUrl = clean.url;
    if (clean.redacted > 0) out.redacted = clean.redacted;
  }
  return out;
}

/**
 * Formats the convention, as a deploy step would write it.
 *
 * @public
 */
export function formatProvenanceAnnotation(
  commitSha: string,
  ciRunUrl: string,
): string {
  return `sha=${commitSha} run=${ciRunUrl}`;
}
