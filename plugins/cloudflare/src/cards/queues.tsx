import { Entity } from '@backstage/catalog-model';
import {
  QueueBacklog,
  queuesRoutes,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { defineCloudflareCard } from './types';

/** An age in the largest whole unit: `95 s`, `40 min`, `26 h`, `3 d`. */
export function ageInWords(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7_200) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3_600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

const messages = (n: number) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? 'message' : 'messages'}`;

/** A backlog in words: `17 messages, oldest 3 d` or `empty`. */
function backlogInWords(b: QueueBacklog): string {
  if (b.backlogCount === 0) return 'empty';
  return b.oldestMessageAgeSeconds === undefined
    ? messages(b.backlogCount)
    : `${messages(b.backlogCount)}, oldest ${ageInWords(
        b.oldestMessageAgeSeconds,
      )}`;
}

/** Bytes in binary units, as Cloudflare's dashboard shows queue sizes: `2.4 MiB`. */
function bytesInWords(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return u === 0 ? `${v} bytes` : `${v.toFixed(1)} ${units[u]}`;
}

/** What the catalog module keeps of a queue in its `Resource` entity. */
interface QueueParameters {
  queueName?: string;
  producers?: string[];
  consumers?: string[];
  httpPullConsumers?: number;
  consumersWithoutDeadLetterQueue?: number;
  eventSubscriptions?: Array<{
    name: string;
    enabled: boolean;
    sourceType: string;
  }>;
}

const paramsOf = (r?: Entity) => (r?.spec?.parameters ?? {}) as QueueParameters;

/** `resource:default/cf-worker-acme-api` -> `acme-api`. */
const shortName = (ref: string) =>
  ref.replace(/^resource:default\/cf-[a-z0-9]+-/, '');

/** What sends to and receives from the queue, from its `Resource` entity, in one line. */
function wiring(p: QueueParameters): string | undefined {
  const parts: string[] = [];
  if (p.producers?.length)
    parts.push(`Producers: ${p.producers.map(shortName).join(', ')}.`);
  const consumers = [
    ...(p.consumers ?? []).map(shortName),
    ...(p.httpPullConsumers ? ['an HTTP pull consumer'] : []),
  ];
  if (consumers.length) parts.push(`Consumers: ${consumers.join(', ')}.`);
  if (p.consumersWithoutDeadLetterQueue)
    parts.push(
      `${p.consumersWithoutDeadLetterQueue} consumer(s) without a dead-letter queue: failed messages are dropped.`,
    );
  const subs = p.eventSubscriptions ?? [];
  if (subs.length)
    parts.push(
      `Event subscriptions: ${subs
        .map(s => `${s.name} (${s.sourceType}${s.enabled ? '' : ', disabled'})`)
        .join(', ')}.`,
    );
  return parts.length ? parts.join(' ') : undefined;
}

/**
 * A queue's delivery stats as Cloudflare measures them at the read: backlog (messages, size, the
 * oldest message's age), whether delivery is paused, and the backlog of each dead-letter queue its
 * consumers use. The summary states its producers, consumers and event subscriptions from the
 * queue's `Resource` entity. Components annotate the queue's name (`cloudflare.com/queue:
 * acme-events`). Messages are never read.
 *
 * @public
 */
export const queuesCard = defineCloudflareCard({
  route: queuesRoutes.metrics,
  title: 'Queues',
  params: (name, resource) => ({
    name: paramsOf(resource).queueName ?? name,
  }),
  rowKey: m => m.queueId,
  columns: [
    { title: 'Queue', render: m => m.queueName },
    { title: 'Backlog', render: m => backlogInWords(m) },
    { title: 'Size', render: m => bytesInWords(m.backlogBytes) },
    {
      title: 'Delivery',
      render: m => (m.deliveryPaused ? 'Paused' : 'Active'),
    },
    {
      title: 'Dead-letter queue',
      render: m =>
        m.deadLetterQueues.length
          ? m.deadLetterQueues
              .map(d => `${d.queueName}: ${backlogInWords(d)}`)
              .join('; ')
          : 'None',
    },
  ],
  empty: {
    title: 'No queue',
    description:
      'Create the queue with wrangler queues create, or check the cloudflare.com/queue annotation.',
  },
  summary: (_items, resource) => wiring(paramsOf(resource)),
});
