export { PagesDeploymentsCard } from './PagesDeploymentsCard';
export type { PagesDeploymentsCardProps } from './PagesDeploymentsCard';
