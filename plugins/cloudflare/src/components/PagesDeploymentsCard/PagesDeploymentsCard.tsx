import { getCloudflareArea } from '@cloudflare-backstage/plugin-cloudflare-common';
import {
  DeploymentsCardBase,
  DeploymentsLoader,
} from '../shared/DeploymentsCardBase';
import { useAreaNames } from '../shared/useAreaNames';

const load: DeploymentsLoader = (api, name) => api.getPagesDeployments(name);

/**
 * Props of {@link PagesDeploymentsCard}.
 *
 * @public
 */
export interface PagesDeploymentsCardProps {
  /** Project name; defaults to the entity's `cloudflare.com/pages` annotation. */
  name?: string;
}

/**
 * Latest deployments of the entity's Pages projects, with branch, commit SHA and CI run link.
 *
 * @public
 */
export function PagesDeploymentsCard(props: PagesDeploymentsCardProps) {
  const area = getCloudflareArea('pages');
  const names = useAreaNames(area, props.name);
  return (
    <DeploymentsCardBase
      area={area}
      names={names}
      load={load}
      noun="Pages project"
    />
  );
}
