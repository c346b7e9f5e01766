import { randomUUID } from 'node:crypto';
import {
  CLOUDFLARE_SOC2_CRITERIA,
  CloudflareSoc2Criterion,
  getCloudflareScorecardOfCheck,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { EvidenceRecord } from '../evidence/EvidenceStore';
import { EvidenceKind } from '../evidence/kinds';
import { ScorecardRun } from './scorecardRun';

/** The OSCAL version the export conforms to (its schema is the test fixture of this folder). */
export const OSCAL_VERSION = '1.1.3';

/** Namespace of the suite's own OSCAL properties. */
export const OSCAL_PROPS_NS = 'urn:cloudflare-backstage:oscal';

/**
 * The checks each evidence kind evidences: a finding of one of them refers to the observation of
 * the newest snapshot of that kind. A new kind must say which (the table is typed by kind).
 */
export const EVIDENCE_OF_CHECKS: Record<EvidenceKind, readonly string[]> = {
  'zero-trust-audit': ['cloudflareAccessAuditLog24h'],
  'deployment-provenance': [
    'cloudflareDeploymentProvenance',
    'cloudflareProdDeploymentAudited',
  ],
  'r2-lifecycle': ['cloudflareR2RegulatedLifecycle'],
};

/** A snapshot of the evidence chain an observation points at, and where to download it. */
export interface ReferencedSnapshot {
  record: EvidenceRecord;
  /** The snapshot's download route. */
  href: string;
}

/** What {@link buildAssessmentResults} turns into an OSCAL document. */
export interface AssessmentInput {
  /** The account assessed: its config id and Cloudflare account id. */
  account: { id: string; accountId: string };
  run: ScorecardRun;
  /** The newest verified snapshot of each kind the chain holds. */
  snapshots: ReferencedSnapshot[];
  /** `<kind> <id>` of each kind's newest snapshot that does not verify (left out). */
  unverified: string[];
  suite: { name: string; version: string };
  /** When the document is made (`metadata.last-modified`). */
  now: Date;
  /** Where the suite's SOC 2 pack is documented (the assessment plan it stands for). */
  planHref: string;
}

/** OSCAL's control id of a SOC 2 criterion: `soc2-cc6.1`. */
export function soc2ControlId(criterion: CloudflareSoc2Criterion): string {
  return `soc2-${criterion.toLocaleLowerCase('en-US')}`;
}

const prop = (name: string, value: string) => ({
  name,
  ns: OSCAL_PROPS_NS,
  value,
});

/** One observation per referenced snapshot: its download, kind, chain position and SHA-256. */
function observationsOf(snapshots: ReferencedSnapshot[]) {
  return snapshots.map(({ record, href }) => ({
    uuid: randomUUID(),
    title: `Evidence snapshot ${record.kind} #${record.seq}`,
    description: `The ${record.kind} evidence snapshot ${record.id}, collected at ${record.createdAt}, stored in the suite's hash-chained evidence store (seq ${record.seq}); its SHA-256 is taken over exactly the downloaded bytes.`,
    props: [prop('evidence-kind', record.kind)],
    methods: ['EXAMINE'],
    types: ['control-objective'],
    collected: record.createdAt,
    'relevant-evidence': [
      {
        href,
        description: `Download of evidence snapshot ${record.id} (check with sha256sum).`,
        props: [
          prop('sha256', record.sha256),
          prop('evidence-id', record.id),
          prop('chain-sha256', record.chainSha256),
        ],
      },
    ],
  }));
}

/**
 * NIST OSCAL 1.1 Assessment Results of one run of the SOC 2 pack: one `result` for this run, one
 * `finding` per (check, entity) with the check's SOC 2 criterion as its target (`objective-id`,
 * `soc2-cc6.1`) and `satisfied` / `not-satisfied` as its state, and one `observation` per
 * referenced evidence snapshot (download link and SHA-256), which the findings of the checks that
 * kind evidences refer to. UUIDs are random (v4) per export; the same observation is one UUID
 * wherever it is referenced. There is no separate assessment plan: `import-ap` points at a
 * back-matter resource that links to the SOC 2 pack's documentation.
 */
export function buildAssessmentResults(input: AssessmentInput) {
  const { account, run, snapshots, suite, now } = input;
  const observations = observationsOf(snapshots);
  const observationOfCheck = new Map<string, string>();
  snapshots.forEach(({ record }, i) => {
    for (const checkId of EVIDENCE_OF_CHECKS[record.kind as EvidenceKind] ??
      []) {
      observationOfCheck.set(checkId, observations[i].uuid);
    }
  });
  const criteria = new Set<CloudflareSoc2Criterion>();
  const findings = run.results.flatMap(r => {
    const found = getCloudflareScorecardOfCheck(r.checkId);
    if (!found) return [];
    const { criterion } = found.check;
    criteria.add(criterion);
    const observation = observationOfCheck.get(r.checkId);
    return [
      {
        uuid: randomUUID(),
        title: `${r.checkName}: ${r.entityRef}`,
        description: `Tech Insights check ${r.checkId} (${
          found.scorecard.title
        }) ${r.passed ? 'passed' : 'failed'} for ${r.entityRef}.`,
        props: [
          prop('check-id', r.checkId),
          prop('scorecard', found.scorecard.id),
          prop('entity-ref', r.entityRef),
        ],
        target: {
          type: 'objective-id',
          'target-id': soc2ControlId(criterion),
          title: `SOC 2 ${criterion} ${CLOUDFLARE_SOC2_CRITERIA[criterion]}`,
          status: {
            state: r.passed ? 'satisfied' : 'not-satisfied',
            reason: r.passed ? 'pass' : 'fail',
          },
        },
        ...(observation
          ? { 'related-observations': [{ 'observation-uuid': observation }] }
          : {}),
      },
    ];
  });
  const planResource = randomUUID();
  const controls = [...criteria].sort().map(c => ({
    'control-id': soc2ControlId(c),
  }));
  return {
    'assessment-results': {
      uuid: randomUUID(),
      metadata: {
        title: 'Cloudflare SOC 2 scorecard results',
        'last-modified': now.toISOString(),
        version: suite.version,
        'oscal-version': OSCAL_VERSION,
        props: [
          prop('generator', suite.name),
          prop('cloudflare-account-id', account.accountId),
          prop('cloudflare-account-config-id', account.id),
        ],
      },
      'import-ap': {
        href: `#${planResource}`,
        remarks:
          'No assessment plan document exists: the SOC 2 pack of the suite (its scorecards, checks and criteria) is the plan, referenced in back-matter.',
      },
      results: [
        {
          uuid: randomUUID(),
          title: 'SOC 2 scorecards run',
          description: `The suite's SOC 2 checks evaluated by Tech Insights over ${run.entities} catalog entities: ${findings.length} results, ${observations.length} evidence snapshots referenced.`,
          start: run.start.toISOString(),
          end: run.end.toISOString(),
          'reviewed-controls': {
            'control-selections': [
              controls.length
                ? {
                    description: 'The SOC 2 criteria the results evidence.',
                    'include-controls': controls,
                  }
                : {
                    description:
                      'No check result: no SOC 2 criterion was evidenced by this run.',
                  },
            ],
          },
          ...(observations.length ? { observations } : {}),
          ...(findings.length ? { findings } : {}),
          ...(input.unverified.length
            ? {
                remarks: `Not referenced, as they do not verify against the evidence chain: ${input.unverified.join(
                  ', ',
                )}.`,
              }
            : {}),
        },
      ],
      'back-matter': {
        resources: [
          {
            uuid: planResource,
            title: 'SOC 2 pack of the Cloudflare suite',
            description:
              'Six scorecards of Tech Insights checks, each check evidencing one SOC 2 Trust Services Criterion.',
            rlinks: [{ href: input.planHref }],
          },
        ],
      },
    },
  };
}

/** The document {@link buildAssessmentResults} makes. */
export type AssessmentResults = ReturnType<typeof buildAssessmentResults>;
