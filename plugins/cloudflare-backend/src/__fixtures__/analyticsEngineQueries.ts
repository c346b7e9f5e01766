/** A lower time bound every accepted Analytics Engine statement needs. */
export const AE_SINCE = "WHERE timestamp > NOW() - INTERVAL '1' DAY";
/** Statements a reviewer would try, and the reason the allow-list gives for each. */
export const AE_REFUSED: Array<[sql: string, reason: string]> = [
  ['SELECT 1; SELECT 2', 'exactly one statement'],
  [
    `SELECT count() FROM acme_analytics ${AE_SINCE}; DROP TABLE x`,
    'exactly one',
  ],
  [`SELECT count() FROM acme_analytics ${AE_SINCE} -- x`, 'comments'],
  [`SELECT count() /* x */ FROM acme_analytics ${AE_SINCE}`, 'comments'],
  [
    `SELECT count() FROM acme_analytics ${AE_SINCE} UNION ALL SELECT count() FROM acme_billing_events ${AE_SINCE}`,
    'UNION',
  ],
  [
    `SELECT count() FROM acme_analytics JOIN acme_billing_events ON 1 = 1 ${AE_SINCE}`,
    'JOIN',
  ],
  [
    `WITH t AS (SELECT 1) SELECT count() FROM acme_analytics ${AE_SINCE}`,
    'WITH',
  ],
  [`SELECT count() FROM acme_billing_events ${AE_SINCE}`, 'only the dataset'],
  [
    `SELECT count() FROM url('http://x.example/') ${AE_SINCE}`,
    'table functions',
  ],
  [`SELECT count() FROM system.tables ${AE_SINCE}`, 'system'],
  [`ЅELECT count() FROM acme_analytics ${AE_SINCE}`, 'could not be parsed'],
  ['SELECT count() FROM acme_analytics', 'bound timestamp'],
  [`SELECT count() FROM acme_analytics ${AE_SINCE} LIMIT 10001`, 'LIMIT'],
  [`SELECT hostName() FROM acme_analytics ${AE_SINCE}`, 'hostName'],
];
