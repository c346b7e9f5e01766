export { CloudflareCard, CloudflareEntityCard } from './CloudflareCard';
export type {
  CloudflareCardProps,
  CloudflareEntityCardProps,
} from './CloudflareCard';
