export { WorkersApi } from './WorkersApi';
export type {
  CloudflareWorkerDeployment,
  ProvenanceOptions,
  WorkerBinding,
  WorkerScript,
  WorkerSecretName,
  WorkerSettings,
  WorkerVersion,
  WorkersBuild,
} from './schemas';
