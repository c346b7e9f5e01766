export * from './cloudflareDeploymentProvenanceFactRetriever';
export * from './cloudflareDeploymentAuditFactRetriever';
export * from './cloudflareAccessAuditFactRetriever';
export * from './cloudflareApiTokenHygieneFactRetriever';
export * from './cloudflareCoverageFactRetriever';
