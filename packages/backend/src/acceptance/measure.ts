import {
  ALL_SECRET_CANARIES,
  DEMO_ACCEPTANCE_FAILURES,
  DEMO_API_TOKEN,
  SECRET_CANARIES,
} from '@cloudflare-backstage/cloudflare-demo-account';
import {
  CLOUDFLARE_ACCEPTANCE_PATH,
  CLOUDFLARE_AREAS,
  CloudflareAcceptance,
  cloudflareAcceptanceSchema,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  Answer,
  DemoBackend,
  recorder,
  startDemoBackend,
} from '../demo/demoBackend';

const CF = '/api/cloudflare';

/** Calls a backend and keeps the answer (see `recorder`). */
export type Call = ReturnType<typeof recorder>['call'];

/** One measurement: the answer, and the demo account's deliberate failures when it measured the demo. */
export interface AcceptanceRun {
  answer: CloudflareAcceptance;
  deliberate?: Readonly<Record<string, readonly string[]>>;
}

/** `GET /api/cloudflare/v1/acceptance`, parsed with its wire schema. */
export async function readAcceptance(
  call: Call,
  token: string,
): Promise<CloudflareAcceptance> {
  const a = await call(`GET ${CF}${CLOUDFLARE_ACCEPTANCE_PATH}`, token);
  if (a.status !== 200) {
    throw new Error(
      `GET ${CF}${CLOUDFLARE_ACCEPTANCE_PATH} answered ${
        a.status
      }: ${a.body.slice(0, 300)}`,
    );
  }
  return cloudflareAcceptanceSchema.parse(JSON.parse(a.body));
}

/** Exports a Zero Trust audit snapshot through the evidence route, as the posture page does. */
export async function exportAuditSnapshot(
  call: Call,
  token: string,
): Promise<void> {
  const a = await call(`POST ${CF}/v1/zero-trust/export/audit`, token);
  if (a.status !== 201) {
    throw new Error(
      `POST ${CF}/v1/zero-trust/export/audit answered ${
        a.status
      }: ${a.body.slice(0, 300)}`,
    );
  }
}

/** The demo's secret values by name: every canary, and the demo account's API token. */
const SECRETS: ReadonlyArray<[name: string, value: string]> = [
  ...Object.entries(SECRET_CANARIES),
  ['DEMO_API_TOKEN', DEMO_API_TOKEN],
];

/** Where a demo secret was found: `<where>: <secret name>` (never the value). */
export function secretsIn(texts: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [where, text] of Object.entries(texts)) {
    for (const [name, value] of SECRETS) {
      if (text.includes(value)) found.push(`${where}: ${name}`);
    }
    if (
      text.includes('CANARY-') &&
      !ALL_SECRET_CANARIES.some(v => text.includes(v))
    ) {
      found.push(`${where}: a CANARY- string`);
    }
  }
  return found;
}

/**
 * Criterion 6 with the command's part: the route's figures (no value field in the Secrets Store
 * answers) and no demo secret in anything the backend logged or answered.
 */
export function withSecretScan(
  answer: CloudflareAcceptance,
  answers: readonly Answer[],
  log: string,
): CloudflareAcceptance {
  const found = secretsIn({
    'backend log': log,
    ...Object.fromEntries(
      answers.map((a, i) => [`answer ${i + 1} (${a.what})`, a.body]),
    ),
  });
  return {
    ...answer,
    criteria: answer.criteria.map(c =>
      c.id !== 'secretsMetadataOnly' || c.denied
        ? c
        : {
            ...c,
            measured: `${c.measured}; ${found.length} secret values in log and answers`,
            value: c.value + found.length,
            pass: c.pass && found.length === 0,
            detail: [
              c.detail,
              `scanned ${answers.length} answer${
                answers.length === 1 ? '' : 's'
              } and ${Math.ceil(
                log.length / 1024,
              )} kB of backend log for the demo's secrets`,
              found.length ? `found in ${found.join(', ')}` : '',
            ]
              .filter(Boolean)
              .join('; '),
          },
    ),
  };
}

/** Annotations that name Cloudflare resources (one per area). */
const AREA_ANNOTATIONS = CLOUDFLARE_AREAS.flatMap(a =>
  a.annotation ? [a.annotation] : [],
);

type CatalogEntity = {
  metadata: { annotations?: Record<string, string> };
  relations?: Array<{ targetRef: string }>;
};

/**
 * Waits until the catalog holds the Cloudflare entities: Resource entities of the AI areas (the
 * provider's first run applies every area at once), and every production Component naming a
 * Cloudflare resource processed into its relations.
 */
export async function waitForCloudflareCatalog(
  demo: DemoBackend,
  token: string,
): Promise<void> {
  const get = async (query: string): Promise<CatalogEntity[]> => {
    const res = await fetch(`${demo.baseUrl}/api/catalog/entities?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return res.ok ? res.json() : [];
  };
  await demo.until(
    'the Cloudflare entities in the catalog',
    async () => {
      const resources = await get(
        'filter=kind=resource,spec.type=cloudflare-ai-search&fields=metadata.name',
      );
      if (resources.length === 0) return undefined;
      const components = await get(
        'filter=kind=component,spec.lifecycle=production&fields=metadata.annotations,relations',
      );
      const naming = components.filter(c =>
        AREA_ANNOTATIONS.some(k => c.metadata.annotations?.[k]),
      );
      return naming.length > 0 &&
        naming.every(c =>
          c.relations?.some(r => r.targetRef.startsWith('resource:')),
        )
        ? true
        : undefined;
    },
    180_000,
  );
}

/**
 * Measures the demo: starts the demo backend on free ports (`startDemoBackend`), waits for the
 * Cloudflare entities in the catalog, signs in as alice (security), exports a Zero Trust audit
 * snapshot, reads the acceptance figures and scans everything the backend logged and answered for
 * the demo account's secrets.
 */
export async function measureDemo(
  progress: (line: string) => void,
): Promise<AcceptanceRun> {
  progress('starting the demo backend and its demo account on free ports');
  const demo = await startDemoBackend();
  try {
    const { call, answers } = recorder(demo.baseUrl);
    const token = await demo.signInAs('alice');
    progress('signed in as alice (group security); waiting for the catalog');
    await waitForCloudflareCatalog(demo, token);
    progress('exporting a Zero Trust audit snapshot; measuring');
    await exportAuditSnapshot(call, token);
    const answer = await readAcceptance(call, token);
    return {
      answer: withSecretScan(answer, answers, demo.output()),
      deliberate: DEMO_ACCEPTANCE_FAILURES,
    };
  } finally {
    await demo.stop();
  }
}

/**
 * Measures a running backend (a real one) with a token: the acceptance figures as that token's
 * principal may read them, after exporting a Zero Trust audit snapshot when `exportSnapshot` says
 * so (it appends to the backend's evidence chain).
 */
export async function measureBackend(options: {
  url: string;
  token: string;
  exportSnapshot: boolean;
}): Promise<AcceptanceRun> {
  const { call } = recorder(options.url.replace(/\/$/, ''));
  if (options.exportSnapshot) await exportAuditSnapshot(call, options.token);
  return { answer: await readAcceptance(call, options.token) };
}
