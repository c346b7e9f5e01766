import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { areaOfResource } from '../../conditions';
import { humanLabel, humanValue } from './labels';

/**
 * The Cloudflare parameters of a suite `Resource` entity (`spec.parameters`), with human labels.
 *
 * @public
 */
export function ResourceParametersCard() {
  const { entity } = useEntity();
  const area = areaOfResource(entity);
  const params = (entity.spec?.parameters ?? {}) as Record<string, unknown>;
  const entries = Object.entries(params);
  return (
    <InfoCard
      title={`${area?.title ?? 'Cloudflare'} resource`}
      subheader={String(entity.spec?.type ?? '')}
    >
      {entries.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          This resource has no parameters in <code>spec.parameters</code>. The
          Cloudflare entity provider fills them in on its next run.
        </Typography>
      ) : (
        <Table size="small" aria-label="parameters">
          <TableBody>
            {entries.map(([key, value]) => (
              <TableRow key={key}>
                <TableCell component="th" scope="row">
                  {humanLabel(key)}
                </TableCell>
                <TableCell>{humanValue(value)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
