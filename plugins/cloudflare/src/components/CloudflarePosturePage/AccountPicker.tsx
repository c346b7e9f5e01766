import { Select } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { useSearchParams } from 'react-router-dom';
import { POSTURE_ACCOUNT_PARAM } from '../shared/posturePath';

/**
 * The account the posture page shows, from `?account=` (a link from a Resource page carries it):
 * undefined with one account (or none) in the catalog, where the page reads the backend's one
 * account; else the named account, or the first one when the parameter names none of them.
 */
export function usePostureAccount(accounts: readonly string[]): {
  account: string | undefined;
  setAccount: (account: string) => void;
} {
  const [params, setParams] = useSearchParams();
  const asked = params.get(POSTURE_ACCOUNT_PARAM) ?? undefined;
  const account =
    accounts.length < 2
      ? undefined
      : (asked && accounts.find(a => a === asked)) || accounts[0];
  const setAccount = (next: string) => {
    const copy = new URLSearchParams(params);
    copy.set(POSTURE_ACCOUNT_PARAM, next);
    setParams(copy, { replace: true });
  };
  return { account, setAccount };
}

/**
 * Picks one of several Cloudflare accounts (their `cloudflare.com/account-id` in the catalog): the
 * inventory, acceptance, evidence exports and account-wide cards below show that account.
 */
export function AccountPicker(props: {
  accounts: readonly string[];
  account: string;
  onChange: (account: string) => void;
}) {
  return (
    <div data-testid="posture-account-picker">
      <Select
        native
        label="Cloudflare account"
        items={props.accounts.map(a => ({ label: a, value: a }))}
        selected={props.account}
        onChange={value => props.onChange(String(value))}
      />
      <Typography variant="caption" color="textSecondary">
        The catalog holds {props.accounts.length} Cloudflare accounts: the
        inventory, acceptance, evidence exports and account-wide cards show the
        one picked here; scorecards and coverage cover all of them.
      </Typography>
    </div>
  );
}
