export { cloudflareFrontendPlugin } from './plugin';
export { cloudflareApi, cloudflareScorecardApi } from './apis';
export {
  cloudflareEntityContent,
  cloudflareResourceEntityContent,
} from './entityContent';
export { cloudflarePosturePage } from './pages';
export {
  cloudflareEntityCards,
  cloudflareScorecardsEntityCard,
} from './entityCards';
