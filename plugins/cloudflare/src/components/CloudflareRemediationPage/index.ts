export { RemediationLink } from './RemediationLink';
export type { RemediationLinkProps } from './RemediationLink';
