import { createHash } from 'node:crypto';
import {
  CallBudget,
  CallBudgetOptions,
} from '@cloudflare-backstage/cloudflare-client';

/**
 * The key of an API token's budget: a SHA-256 of the token, so no map, log line or heap snapshot
 * of the service holds the token itself as a key.
 */
export function budgetKey(apiToken: string): string {
  return createHash('sha256').update(apiToken, 'utf8').digest('hex');
}

/**
 * One {@link CallBudget} per distinct API token: Cloudflare counts calls per token, so accounts
 * read with one token spend one budget. The first account of a token sets its options (an entry's
 * own `budget` keys); `budgetFor` reports when a later account of the same token asked for
 * different ones, so the caller can log it.
 */
export class SharedBudgets {
  private readonly budgets = new Map<
    string,
    { budget: CallBudget; options: string; accounts: string[] }
  >();

  budgetFor(
    apiToken: string,
    accountId: string,
    options: CallBudgetOptions | undefined,
  ): { budget: CallBudget; sharedWith: string[]; optionsDiffer: boolean } {
    const key = budgetKey(apiToken);
    const wanted = JSON.stringify(options ?? {});
    const existing = this.budgets.get(key);
    if (existing) {
      const sharedWith = [...existing.accounts];
      existing.accounts.push(accountId);
      return {
        budget: existing.budget,
        sharedWith,
        optionsDiffer: existing.options !== wanted,
      };
    }
    const budget = new CallBudget(options);
    this.budgets.set(key, { budget, options: wanted, accounts: [accountId] });
    return { budget, sharedWith: [], optionsDiffer: false };
  }

  /** How many distinct budgets (API tokens) there are. */
  get size(): number {
    return this.budgets.size;
  }
}
