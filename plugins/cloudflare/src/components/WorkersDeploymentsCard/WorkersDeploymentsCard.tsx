import { getCloudflareArea } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  DeploymentsCardBase,
  DeploymentsLoader,
} from '../shared/DeploymentsCardBase';
import { useAreaNames } from '../shared/useAreaNames';

const load: DeploymentsLoader = (api, name) => api.getWorkerDeployments(name);

/**
 * Props of {@link WorkersDeploymentsCard}.
 *
 * @public
 */
export interface WorkersDeploymentsCardProps {
  /** Script name; defaults to the entity's `cloudflare.com/worker` annotation. */
  name?: string;
}

/**
 * Latest deployments of the entity's Workers scripts, with commit SHA and CI run link.
 *
 * @public
 */
export function WorkersDeploymentsCard(props: WorkersDeploymentsCardProps) {
  const area = getCloudflareArea('workers');
  const names = useAreaNames(area, props.name);
  return (
    <DeploymentsCardBase area={area} names={names} load={load} noun="Worker" />
  );
}
