export { RemediationLink } from './RemediationLink';
export type { RemediationLinkProps } from './RemediationLink';
export {
  CloudflareRemediationContent,
  CloudflareRemediationPage,
} from './CloudflareRemediationPage';
export { CloudflarePostureRoutes } from './CloudflarePostureRoutes';
