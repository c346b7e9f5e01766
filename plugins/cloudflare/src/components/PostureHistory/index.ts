export { PostureHistory } from './PostureHistory';
