export { WorkersApi } from './WorkersApi';
export type {
  ProvenanceOptions,
  WorkerBinding,
  WorkerSecretName,
} from './schemas';
export type {
  CloudflareWorkerDeployment,
  WorkerScript,
  WorkerSettings,
  WorkerVersion,
  WorkersBuild,
} from './types';
