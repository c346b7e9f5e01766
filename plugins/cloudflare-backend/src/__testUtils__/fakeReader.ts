import { JsonValue } from '@backstage/types';
import { AccessAuditFilter, CloudflareReader, View } from '../service/reader';

/** An upstream error of the kind the Cloudflare client throws. */
export class FakeUpstreamError extends Error {
  constructor(readonly kind: string, message = `upstream ${kind}`) {
    super(message);
    this.name = 'CloudflareApiError';
  }
}

const maskEmail = (v: string) => v.replace(/^[^@]+/, '***');

function maskDeep(value: JsonValue, counts: Record<string, number>): JsonValue {
  if (Array.isArray(value)) return value.map(v => maskDeep(v, counts));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (typeof v === 'string' && /email/i.test(k)) {
          counts.email = (counts.email ?? 0) + 1;
          return [k, maskEmail(v)];
        }
        return [k, maskDeep(v as JsonValue, counts)];
      }),
    );
  }
  return value;
}

/** An in-memory reader with counters and a fault knob. */
export function createFakeReader() {
  const calls: Record<string, number> = {};
  let fault: string | undefined;
  const hit = async (name: string) => {
    calls[name] = (calls[name] ?? 0) + 1;
    await new Promise(r => setTimeout(r, 5));
    if (fault) throw new FakeUpstreamError(fault);
  };
  const reader: CloudflareReader & {
    calls: typeof calls;
    setFault(kind?: string): void;
  } = {
    accountId: 'acc-test',
    calls,
    setFault(kind) {
      fault = kind;
    },
    async workerDeployments(script) {
      await hit('workerDeployments');
      if (script !== 'acme-api') throw new FakeUpstreamError('not-found');
      return [
        {
          id: 'd1',
          createdAt: '2026-01-01T00:00:00Z',
          authorEmail: 'alice@acme.test',
          commitSha: 'abc',
          ciRunUrl: 'https://ci/1',
        },
      ];
    },
    async pagesDeployments(project) {
      await hit('pagesDeployments');
      if (project !== 'acme-web') throw new FakeUpstreamError('not-found');
      return [
        {
          id: 'p1',
          createdAt: '2026-01-01T00:00:00Z',
          branch: 'main',
          commitSha: 'def',
          status: 'success',
        },
      ];
    },
    async zeroTrustUsers() {
      await hit('zeroTrustUsers');
      return [
        {
          id: 'u1',
          email: 'bob@acme.test',
          lastSeenAt: '2026-01-01T00:00:00Z',
        },
      ];
    },
    async accessAudit(filter: AccessAuditFilter) {
      await hit('accessAudit');
      return {
        events: [
          {
            id: 'a1',
            actor: { email: 'carol@acme.test' },
            action: filter.action ?? 'login',
            target: 'app',
            ts: '2026-01-01T00:00:00Z',
          },
        ],
      };
    },
    mask<T extends JsonValue>(value: T, view: View) {
      const redactions: Record<string, number> = {};
      if (view === 'unmasked') return { value, redactions };
      return { value: maskDeep(value, redactions) as T, redactions };
    },
    stats() {
      return { calls };
    },
  };
  return reader;
}
