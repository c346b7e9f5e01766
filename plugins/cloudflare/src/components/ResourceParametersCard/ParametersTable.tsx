import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { humanLabel, humanValue } from './labels';

/** A Resource entity's `spec.parameters`, with human labels. */
export function ParametersTable(props: { parameters: unknown }) {
  const entries = Object.entries(
    (props.parameters ?? {}) as Record<string, unknown>,
  );
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        This resource has no parameters in <code>spec.parameters</code>. The
        Cloudflare entity provider fills them in on its next run.
      </Typography>
    );
  }
  return (
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
  );
}
