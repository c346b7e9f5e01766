import { JsonObject, JsonValue } from '@backstage/types';
import { canonicalBytes, sha256Hex } from './canonicalJson';

import type { EvidenceKind } from './kinds';

export type { EvidenceKind };

/** Version of the snapshot document format. */
export const EVIDENCE_SCHEMA_VERSION = 2;

/**
 * How much of the source a snapshot holds: `count` items (audit events, deployments) and whether
 * the source was exhausted (`false`: more existed than the snapshot holds).
 */
export interface EvidencePopulation {
  count: number;
  exhausted: boolean;
}

/**
 * One evidence snapshot document, as downloaded. Its bytes are the RFC 8785 canonical form.
 */
export interface EvidenceDocument {
  schemaVersion: typeof EVIDENCE_SCHEMA_VERSION;
  kind: EvidenceKind;
  account: { id: string };
  /** The filters used to collect `data`. */
  scope: JsonObject;
  /** When the data was read, ISO 8601 UTC. */
  collectedAt: string;
  collector: {
    userEntityRef: string;
    suite: { name: string; version: string };
  };
  data: JsonValue;
  /** How much of the source `data` holds. */
  population: EvidencePopulation;
  /** What was withheld, counted by rule, when anything was. */
  redactions?: Record<string, number>;
}

/** Input of {@link buildEvidenceSnapshot}. */
export interface EvidenceSnapshotInput {
  kind: EvidenceKind;
  accountId: string;
  scope: JsonObject;
  collectedAt: Date | string;
  userEntityRef: string;
  suite: { name: string; version: string };
  data: JsonValue;
  population: EvidencePopulation;
  redactions?: Record<string, number>;
}

/** A built snapshot: the document, its canonical bytes and their SHA-256. */
export interface EvidenceSnapshot {
  document: EvidenceDocument;
  bytes: Buffer;
  sha256: string;
}

/**
 * Builds a snapshot document and its canonical bytes. The same input (data and time) always gives
 * the same bytes and hash: nothing random or clock-dependent goes into the document.
 */
export function buildEvidenceSnapshot(
  input: EvidenceSnapshotInput,
): EvidenceSnapshot {
  const collectedAt =
    typeof input.collectedAt === 'string'
      ? new Date(input.collectedAt).toISOString()
      : input.collectedAt.toISOString();
  const document: EvidenceDocument = {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    kind: input.kind,
    account: { id: input.accountId },
    scope: input.scope,
    collectedAt,
    collector: {
      userEntityRef: input.userEntityRef,
      suite: { name: input.suite.name, version: input.suite.version },
    },
    data: input.data,
    population: {
      count: input.population.count,
      exhausted: input.population.exhausted,
    },
  };
  const redactionCount = Object.values(input.redactions ?? {}).reduce(
    (sum, n) => sum + n,
    0,
  );
  if (input.redactions && redactionCount > 0) {
    document.redactions = input.redactions;
  }
  const bytes = canonicalBytes(document);
  return { document, bytes, sha256: sha256Hex(bytes) };
}
