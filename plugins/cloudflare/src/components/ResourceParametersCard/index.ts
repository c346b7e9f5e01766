export { ResourceParametersCard } from './ResourceParametersCard';
