export { EntityCloudflareScorecardsCard } from './EntityCloudflareScorecardsCard';
