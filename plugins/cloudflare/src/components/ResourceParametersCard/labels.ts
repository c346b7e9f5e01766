/** Human labels of the `spec.parameters` keys the suite's provider writes. */
const LABELS: Record<string, string> = {
  accountId: 'Account ID',
  id: 'ID',
  uuid: 'UUID',
  name: 'Name',
  createdOn: 'Created',
  createdAt: 'Created',
  modifiedOn: 'Last modified',
  modifiedAt: 'Last modified',
  compatibilityDate: 'Compatibility date',
  compatibilityFlags: 'Compatibility flags',
  usageModel: 'Usage model',
  handlers: 'Handlers',
  routes: 'Routes',
  bindings: 'Bindings',
  productionBranch: 'Production branch',
  subdomain: 'Subdomain',
  domains: 'Custom domains',
  consumers: 'Consumers',
  producers: 'Producers',
  dlq: 'Dead-letter queue',
  location: 'Location',
  storageClass: 'Storage class',
  lifecycleRules: 'Lifecycle rules',
  dimensions: 'Dimensions',
  metric: 'Distance metric',
  numTables: 'Tables',
  fileSize: 'Size',
  version: 'Version',
  ttl: 'TTL',
  url: 'URL',
};

/** `lifecycleRules` -> `Lifecycle rules`; `max_batch_size` -> `Max batch size`. */
export function humanLabel(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLocaleLowerCase('en-US');
  return words.charAt(0).toLocaleUpperCase('en-US') + words.slice(1);
}

/** A parameter value as text. */
export function humanValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) {
    return value.length ? value.map(v => humanValue(v)).join(', ') : 'none';
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const named = o.name ?? o.id ?? o.type;
    if (typeof named === 'string') return named;
    return JSON.stringify(value);
  }
  return String(value);
}
