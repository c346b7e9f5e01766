import { lastDeploymentIn } from './lastDeployment';
import { CloudflareAreaFacts } from './types';

/**
 * Pages: each Pages project `Resource` carries its newest production deployment
 * (`spec.parameters.lastDeployment`), which the deployment provenance and audit retrievers read.
 */
export const pagesFacts: CloudflareAreaFacts = {
  lastDeployment: lastDeploymentIn('projectName'),
  retrievers: [],
  checks: [],
};
