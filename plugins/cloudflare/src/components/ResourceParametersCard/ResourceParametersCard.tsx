import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { areaOfResource } from '../../conditions';
import { ParametersTable } from './ParametersTable';

/**
 * The Cloudflare parameters of a suite `Resource` entity (`spec.parameters`), with human labels.
 *
 * @public
 */
export function ResourceParametersCard() {
  const { entity } = useEntity();
  const area = areaOfResource(entity);
  return (
    <InfoCard
      title={`${area?.title ?? 'Cloudflare'} resource`}
      subheader={String(entity.spec?.type ?? '')}
    >
      <ParametersTable parameters={entity.spec?.parameters} />
    </InfoCard>
  );
}
