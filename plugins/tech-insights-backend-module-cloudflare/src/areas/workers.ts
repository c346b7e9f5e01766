import { lastDeploymentIn } from './lastDeployment';
import { CloudflareAreaFacts } from './types';

/**
 * Workers: each Worker `Resource` carries its active deployment (`spec.parameters.lastDeployment`),
 * which the deployment provenance and audit retrievers read.
 */
export const workersFacts: CloudflareAreaFacts = {
  lastDeployment: lastDeploymentIn('scriptName'),
  retrievers: [],
  checks: [],
};
