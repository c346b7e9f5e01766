import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { cloudflareRemediationPath } from '@cloudflare-backstage/plugin-cloudflare-common';
import { ReactNode } from 'react';
import { remediationRouteRef } from '../../routes';

/** The app's path of the remediation page, or undefined when the posture page is not mounted. */
function useRemediationBasePath(): string | undefined {
  try {
    // The hook runs its own hooks before it throws for an unmounted route, so this is stable.
    return useRouteRef(remediationRouteRef)();
  } catch {
    return undefined;
  }
}

/**
 * Props of {@link RemediationLink}.
 *
 * @public
 */
export interface RemediationLinkProps {
  /** Tech Insights check id of the SOC 2 pack; the link's anchor. */
  checkId: string;
  /** Link text; "Remediation" by default. */
  children?: ReactNode;
}

/**
 * "Remediation" link to a check's section of the remediation page (`/cloudflare/remediation#<checkId>`
 * where the posture page is mounted at `/cloudflare`).
 *
 * @public
 */
export function RemediationLink(props: RemediationLinkProps) {
  const base = useRemediationBasePath();
  const to = base
    ? `${base}#${props.checkId}`
    : cloudflareRemediationPath(props.checkId);
  return (
    <Link to={to} data-testid={`remediation-link-${props.checkId}`}>
      {props.children ?? 'Remediation'}
    </Link>
  );
}
