import { createRng } from './rng';
import {
  WorkersData,
  createWorkersData,
  generateWorkersData,
} from './fixtures/workers';
import {
  PagesData,
  createPagesData,
  generatePagesData,
} from './fixtures/pages';
import {
  ZeroTrustData,
  createZeroTrustData,
  generateZeroTrustData,
} from './fixtures/zeroTrust';
import {
  AuditLogsData,
  createAuditLogsData,
  generateAuditLogsData,
} from './fixtures/auditLogs';
import {
  TokensData,
  createTokensData,
  generateTokensData,
} from './fixtures/tokens';
import {
  QueuesData,
  createQueuesData,
  generateQueuesData,
} from './fixtures/queues';
import { KvData, createKvData, generateKvData } from './fixtures/kv';
import { D1Data, createD1Data, generateD1Data } from './fixtures/d1';
import { R2Data, createR2Data, generateR2Data } from './fixtures/r2';
import { TagsData, createTagsData, generateTagsData } from './fixtures/tags';
import {
  AiGatewayData,
  createAiGatewayData,
  generateAiGatewayData,
} from './fixtures/aiGateway';
import {
  VectorizeData,
  createVectorizeData,
  generateVectorizeData,
} from './fixtures/vectorize';
import {
  AnalyticsEngineData,
  createAnalyticsEngineData,
  generateAnalyticsEngineData,
} from './fixtures/analyticsEngine';
import {
  SecretsStoreData,
  createSecretsStoreData,
  generateSecretsStoreData,
} from './fixtures/secretsStore';
import {
  HyperdriveData,
  createHyperdriveData,
  generateHyperdriveData,
} from './fixtures/hyperdrive';
import {
  ContainersData,
  createContainersData,
  generateContainersData,
} from './fixtures/containers';
import {
  WorkflowsData,
  createWorkflowsData,
  generateWorkflowsData,
} from './fixtures/workflows';
import {
  DurableObjectsData,
  createDurableObjectsData,
  generateDurableObjectsData,
} from './fixtures/durableObjects';
import {
  AiSearchData,
  createAiSearchData,
  generateAiSearchData,
} from './fixtures/aiSearch';
import {
  BrowserRenderingData,
  createBrowserRenderingData,
  generateBrowserRenderingData,
} from './fixtures/browserRendering';

/**
 * Everything the demo account serves: the account and the data of each product area.
 *
 * @public
 */
export interface DemoAccountData {
  account: { id: string; name: string };
  workers: WorkersData;
  pages: PagesData;
  zeroTrust: ZeroTrustData;
  auditLogs: AuditLogsData;
  tokens: TokensData;
  queues: QueuesData;
  kv: KvData;
  d1: D1Data;
  r2: R2Data;
  aiGateway: AiGatewayData;
  vectorize: VectorizeData;
  analyticsEngine: AnalyticsEngineData;
  secretsStore: SecretsStoreData;
  hyperdrive: HyperdriveData;
  containers: ContainersData;
  workflows: WorkflowsData;
  durableObjects: DurableObjectsData;
  aiSearch: AiSearchData;
  browserRendering: BrowserRenderingData;
  /** Cloudflare resource tags of the resources above (Resource Tagging API). */
  tags: TagsData;
}

/**
 * The account id of the built-in demo account `acme-org`.
 *
 * @public
 */
export const DEMO_ACCOUNT_ID = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

/**
 * Keys of {@link DemoAccountData} that hold product-area data.
 *
 * @public
 */
export type DemoAreaKey = Exclude<keyof DemoAccountData, 'account' | 'tags'>;

/**
 * Every area key, in a fixed order.
 *
 * @public
 */
export const DEMO_AREA_KEYS: readonly DemoAreaKey[] = [
  'workers',
  'pages',
  'zeroTrust',
  'auditLogs',
  'tokens',
  'queues',
  'kv',
  'd1',
  'r2',
  'aiGateway',
  'vectorize',
  'analyticsEngine',
  'secretsStore',
  'hyperdrive',
  'containers',
  'workflows',
  'durableObjects',
  'aiSearch',
  'browserRendering',
];

/**
 * The built-in fictional account `acme-org`, with its deliberate posture failures and secret canaries.
 *
 * @public
 */
export function createDemoAccountData(): DemoAccountData {
  return {
    account: { id: DEMO_ACCOUNT_ID, name: 'acme-org' },
    workers: createWorkersData(),
    pages: createPagesData(),
    zeroTrust: createZeroTrustData(),
    auditLogs: createAuditLogsData(),
    tokens: createTokensData(),
    queues: createQueuesData(),
    kv: createKvData(),
    d1: createD1Data(),
    r2: createR2Data(),
    aiGateway: createAiGatewayData(),
    vectorize: createVectorizeData(),
    analyticsEngine: createAnalyticsEngineData(),
    secretsStore: createSecretsStoreData(),
    hyperdrive: createHyperdriveData(),
    containers: createContainersData(),
    workflows: createWorkflowsData(),
    durableObjects: createDurableObjectsData(),
    aiSearch: createAiSearchData(),
    browserRendering: createBrowserRenderingData(),
    tags: createTagsData(),
  };
}

/**
 * Options of {@link createScaleAccountData}.
 *
 * @public
 */
export interface ScaleOptions {
  /** Seed of the generator: the same seed gives the same account. */
  seed?: number;
  /** Resources spread evenly over the areas. */
  resources?: number;
  /** Exact counts for some areas (they take precedence over the spread). */
  counts?: Partial<Record<DemoAreaKey, number>>;
  /** The account's id; {@link DEMO_ACCOUNT_ID} by default (see `demoAccountId` for distinct ones). */
  accountId?: string;
  /** The account's name; `acme-org-scale` by default. */
  name?: string;
}

/**
 * Scale mode: a generated account with many resources, deterministic from a seed, for benchmarks.
 *
 * @public
 */
export function createScaleAccountData(
  options: ScaleOptions = {},
): DemoAccountData {
  const rng = createRng(options.seed ?? 1);
  const spread = Math.floor((options.resources ?? 0) / DEMO_AREA_KEYS.length);
  const count = (key: DemoAreaKey) => options.counts?.[key] ?? spread;
  const workers = generateWorkersData(rng, count('workers'));
  const pages = generatePagesData(rng, count('pages'));
  const zeroTrust = generateZeroTrustData(rng, count('zeroTrust'));
  const auditLogs = generateAuditLogsData(rng, count('auditLogs'));
  const tokens = generateTokensData(rng, count('tokens'));
  const queues = generateQueuesData(rng, count('queues'));
  const storage = {
    kv: generateKvData(rng, count('kv')),
    d1: generateD1Data(rng, count('d1')),
    r2: generateR2Data(rng, count('r2')),
  };
  return {
    account: {
      id: options.accountId ?? DEMO_ACCOUNT_ID,
      name: options.name ?? 'acme-org-scale',
    },
    workers,
    pages,
    zeroTrust,
    auditLogs,
    tokens,
    queues,
    ...storage,
    aiGateway: generateAiGatewayData(rng, count('aiGateway')),
    vectorize: generateVectorizeData(rng, count('vectorize')),
    analyticsEngine: generateAnalyticsEngineData(rng, count('analyticsEngine')),
    secretsStore: generateSecretsStoreData(rng, count('secretsStore')),
    hyperdrive: generateHyperdriveData(rng, count('hyperdrive')),
    containers: generateContainersData(rng, count('containers')),
    workflows: generateWorkflowsData(rng, count('workflows')),
    durableObjects: generateDurableObjectsData(rng, count('durableObjects')),
    aiSearch: generateAiSearchData(rng, count('aiSearch')),
    browserRendering: generateBrowserRenderingData(
      rng,
      count('browserRendering'),
    ),
    tags: generateTagsData(rng, storage),
  };
}
