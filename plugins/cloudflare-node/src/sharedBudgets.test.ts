import { DEMO_API_TOKEN } from '@cloudflare-backstage/cloudflare-demo-account';
import { SharedBudgets, budgetKey } from './sharedBudgets';

describe('SharedBudgets', () => {
  it('keys a budget by a SHA-256 of the token, never the token', () => {
    const key = budgetKey(DEMO_API_TOKEN);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain(DEMO_API_TOKEN);
    expect(budgetKey(`${DEMO_API_TOKEN}x`)).not.toBe(key);
  });

  it('gives one budget per token and says when a later account asked for other options', () => {
    const budgets = new SharedBudgets();
    const a = budgets.budgetFor('token-a', 'first', { calls: 100 });
    const b = budgets.budgetFor('token-a', 'second', { calls: 50 });
    const c = budgets.budgetFor('token-b', 'third', { calls: 100 });
    expect(b.budget).toBe(a.budget);
    expect(b).toMatchObject({ sharedWith: ['first'], optionsDiffer: true });
    expect(c.budget).not.toBe(a.budget);
    expect(c).toMatchObject({ sharedWith: [], optionsDiffer: false });
    expect(a.budget.snapshot().limit).toBe(100);
    expect(budgets.size).toBe(2);
  });
});
