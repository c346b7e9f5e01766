export { GenericResourceCard } from './GenericResourceCard';
export type { GenericResourceCardProps } from './GenericResourceCard';
