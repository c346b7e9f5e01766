import { ScorecardHistory } from '../../../api';

/** Two days of history: Access Hygiene improving, Coverage steady, no AI results the first day. */
export const twoDays: ScorecardHistory = {
  days: [
    {
      date: '2026-12-04',
      scorecards: {
        'access-hygiene': { passed: 1, evaluated: 4 },
        coverage: { passed: 3, evaluated: 4 },
        'ai-governance': { passed: 0, evaluated: 0 },
      },
    },
    {
      date: '2026-12-05',
      scorecards: {
        'access-hygiene': { passed: 3, evaluated: 4 },
        coverage: { passed: 3, evaluated: 4 },
        'ai-governance': { passed: 2, evaluated: 2 },
      },
    },
  ],
  truncated: false,
};
