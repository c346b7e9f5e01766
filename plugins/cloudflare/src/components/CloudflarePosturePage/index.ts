export {
  CloudflarePosturePage,
  CloudflarePostureContent,
} from './CloudflarePosturePage';
