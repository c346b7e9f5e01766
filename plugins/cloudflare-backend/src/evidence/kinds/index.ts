import { deploymentProvenanceEvidence } from './deploymentProvenance';
import { r2LifecycleEvidence } from './r2Lifecycle';
import { EvidenceKindDescriptor } from './types';
import { zeroTrustAuditEvidence } from './zeroTrustAudit';

/**
 * Every kind of evidence snapshot, one descriptor each: the export routes, the `kind` filter of the
 * list and the download check walk this table. Adding a kind is its file and one line here.
 */
export const EVIDENCE_KINDS = {
  'zero-trust-audit': zeroTrustAuditEvidence,
  'deployment-provenance': deploymentProvenanceEvidence,
  'r2-lifecycle': r2LifecycleEvidence,
} satisfies Record<string, EvidenceKindDescriptor<any>>;

/** Kinds of evidence snapshot the suite produces. */
export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

/** The kind ids, for the list filter. */
export const EVIDENCE_KIND_IDS = Object.keys(EVIDENCE_KINDS) as [
  EvidenceKind,
  ...EvidenceKind[],
];

/** The descriptor of a stored kind, or undefined for a kind this version does not know. */
export function evidenceKindOf(
  kind: unknown,
): EvidenceKindDescriptor | undefined {
  return typeof kind === 'string' && Object.hasOwn(EVIDENCE_KINDS, kind)
    ? (EVIDENCE_KINDS[
        kind as EvidenceKind
      ] as unknown as EvidenceKindDescriptor)
    : undefined;
}
