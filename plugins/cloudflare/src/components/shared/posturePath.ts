import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';

/** Query parameter of the posture page that picks the account it shows. */
export const POSTURE_ACCOUNT_PARAM = 'account';

/** `<posture page>?account=<account>`: the posture page of one account. */
export function postureLinkOf(base: string, account: string): string {
  return `${base}?${POSTURE_ACCOUNT_PARAM}=${encodeURIComponent(account)}`;
}

/** The app's path of the posture page, or undefined when the app does not mount it. */
export function usePosturePath(): string | undefined {
  try {
    // The hook runs its own hooks before it throws for an unmounted route, so this is stable.
    return useRouteRef(rootRouteRef)();
  } catch {
    return undefined;
  }
}
