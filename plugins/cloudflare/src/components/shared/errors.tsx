import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { UpstreamUnavailable } from './UpstreamNotices';
import { isUpstreamUnavailable } from './upstream';

/** True when the backend said 403 (permission denied). */
export function isPermissionDenied(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as {
    name?: string;
    statusCode?: number;
    response?: { status?: number };
    body?: { response?: { statusCode?: number } };
  };
  return (
    e.name === 'NotAllowedError' ||
    e.statusCode === 403 ||
    e.response?.status === 403 ||
    e.body?.response?.statusCode === 403
  );
}

/** True when the backend said 404 (the named resource does not exist upstream). */
export function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; statusCode?: number } | undefined;
  return e?.name === 'NotFoundError' || e?.statusCode === 404;
}

/** Who to ask for a permission; the suite's example policy grants them to these groups. */
export const PERMISSION_HINT =
  'ask your Backstage administrator to add you to a group the permission policy allows (the example policy grants it to group:security and group:platform, and read permissions to group:engineering and group:readers)';

/** Denied state for one permission. */
export function PermissionDenied(props: {
  permission: string;
  /** Replaces the permission name when the permission is not one of the suite's. */
  description?: string;
}) {
  return (
    <WarningPanel severity="info" title="Permission denied" defaultExpanded>
      <Typography variant="body2" data-testid="cloudflare-permission-denied">
        {props.description ? (
          <>You don't have permission {props.description}</>
        ) : (
          <>
            You don't have permission <code>{props.permission}</code>
          </>
        )}
        ; {PERMISSION_HINT}.
      </Typography>
    </WarningPanel>
  );
}

/**
 * The error state of a section: the permission-denied panel for a 403, when to retry for a 503
 * (Cloudflare unreachable, nothing cached), else the error panel with the backend's message.
 */
export function ErrorState(props: {
  error: Error;
  permission: string;
  permissionDescription?: string;
}) {
  if (isPermissionDenied(props.error)) {
    return (
      <PermissionDenied
        permission={props.permission}
        description={props.permissionDescription}
      />
    );
  }
  if (isUpstreamUnavailable(props.error)) {
    return <UpstreamUnavailable error={props.error} />;
  }
  return (
    <ResponseErrorPanel
      error={props.error}
      title={`Could not load data: ${props.error.message}`}
    />
  );
}
