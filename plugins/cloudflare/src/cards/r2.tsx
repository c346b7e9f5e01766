import { Entity } from '@backstage/catalog-model';
import {
  R2_JURISDICTIONS,
  R2Jurisdiction,
  R2LifecycleRule,
  R2LockRule,
  r2Routes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { defineCloudflareCard } from './types';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
const date = (iso: string) => iso.slice(0, 10);
/** `InfrequentAccess` -> `Infrequent Access`. */
const storageClass = (c: string) => c.replace(/([a-z])([A-Z])/g, '$1 $2');

/** When a step applies, in words: `after 30 days`, `on 2030-01-01`. */
function when(c: { afterDays?: number; onDate?: string }): string {
  if (c.afterDays !== undefined) return `after ${days(c.afterDays)}`;
  return c.onDate ? `on ${date(c.onDate)}` : '';
}

/** What objects a rule covers: `All objects` or `Objects under "logs/"`. */
const scope = (prefix: string) =>
  prefix ? `Objects under "${prefix}"` : 'All objects';

/**
 * A lifecycle rule in words: `All objects: to Infrequent Access after 30 days, expire after
 * 180 days, abort incomplete multipart uploads after 7 days`, `(disabled)` when it is off.
 *
 * @public
 */
export function lifecycleRuleInWords(rule: R2LifecycleRule): string {
  const steps = [
    ...rule.transitions.map(
      t => `to ${storageClass(t.storageClass)} ${when(t)}`,
    ),
    ...(rule.expiration ? [`expire ${when(rule.expiration)}`] : []),
    ...(rule.abortMultipartAfterDays !== undefined
      ? [
          `abort incomplete multipart uploads after ${days(
            rule.abortMultipartAfterDays,
          )}`,
        ]
      : []),
  ];
  return `${scope(rule.prefix)}: ${steps.join(', ') || 'no action'}${
    rule.enabled ? '' : ' (disabled)'
  }`;
}

/**
 * An object lock rule in words: `Objects under "evidence/": retain for 365 days`, `... retain until
 * 2030-01-01`, `... retain indefinitely`.
 *
 * @public
 */
export function lockRuleInWords(rule: R2LockRule): string {
  let retain = 'retain indefinitely';
  if (rule.mode === 'age' && rule.days !== undefined)
    retain = `retain for ${days(rule.days)}`;
  if (rule.mode === 'date' && rule.date)
    retain = `retain until ${date(rule.date)}`;
  return `${scope(rule.prefix)}: ${retain}${rule.enabled ? '' : ' (disabled)'}`;
}

/** One sentence per rule, or what having none means. */
function Sentences(props: { lines: string[]; none: string }) {
  if (props.lines.length === 0) return <>{props.none}</>;
  return (
    <>
      {props.lines.map(line => (
        <div key={line}>{line}</div>
      ))}
    </>
  );
}

/**
 * Where a bucket lives: from its `Resource` entity's `bucketName` and `jurisdiction` where there is
 * one, else from the name as Components annotate it (`acme-prod-artifacts`, `eu/acme-eu-data`).
 */
export function r2BucketLocation(
  name: string,
  resource?: Entity,
): { bucket: string; jurisdiction: R2Jurisdiction } {
  const p = (resource?.spec?.parameters ?? {}) as Record<string, unknown>;
  const slash = name.indexOf('/');
  const prefix = slash > 0 ? name.slice(0, slash) : 'default';
  const named = (R2_JURISDICTIONS as readonly string[]).includes(prefix)
    ? { bucket: name.slice(slash + 1), jurisdiction: prefix as R2Jurisdiction }
    : { bucket: name, jurisdiction: 'default' as const };
  return {
    bucket: typeof p.bucketName === 'string' ? p.bucketName : named.bucket,
    jurisdiction: (R2_JURISDICTIONS as readonly unknown[]).includes(
      p.jurisdiction,
    )
      ? (p.jurisdiction as R2Jurisdiction)
      : named.jurisdiction,
  };
}

/**
 * An R2 bucket's retention: its lifecycle rules (expiration, storage class transitions, multipart
 * abort) and object lock rules, in words. The bucket's jurisdiction comes from its `Resource`
 * entity, so buckets outside the default jurisdiction are read where they live.
 *
 * @public
 */
export const r2Card = defineCloudflareCard({
  route: r2Routes.lifecycle,
  title: 'R2 buckets',
  params: (name, resource) => ({
    bucket: r2BucketLocation(name, resource).bucket,
  }),
  query: (name, resource) => {
    const { jurisdiction } = r2BucketLocation(name, resource);
    return jurisdiction === 'default' ? undefined : { jurisdiction };
  },
  rowKey: l => `${l.jurisdiction}/${l.bucket}`,
  columns: [
    {
      title: 'Bucket',
      render: l =>
        l.jurisdiction === 'default'
          ? l.bucket
          : `${l.bucket} (${l.jurisdiction})`,
    },
    {
      title: 'Lifecycle rules',
      render: l => (
        <Sentences
          lines={l.rules.map(lifecycleRuleInWords)}
          none="None: objects are kept until deleted"
        />
      ),
    },
    {
      title: 'Object lock',
      render: l => (
        <Sentences lines={l.lockRules.map(lockRuleInWords)} none="None" />
      ),
    },
  ],
  empty: {
    title: 'No lifecycle configuration',
    description:
      'Add lifecycle rules to the bucket in the Cloudflare dashboard (R2 > bucket > Settings > Object lifecycle rules).',
  },
  summary: ([l]) =>
    l && !l.rules.some(r => r.enabled)
      ? `${l.bucket} has no enabled lifecycle rule: its objects never expire. Buckets holding regulated data need one (SOC 2 C1.2).`
      : undefined,
});
