export { ResourceParametersCard } from './ResourceParametersCard';
export { ParametersTable } from './ParametersTable';
