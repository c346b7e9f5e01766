export { WorkersDeploymentsCard } from './WorkersDeploymentsCard';
export type { WorkersDeploymentsCardProps } from './WorkersDeploymentsCard';
