/** A provider run's log line: `cloudflare-provider:<id> refreshed account ...`. */
const PROVIDER_RUN = /cloudflare-provider:\S+ refreshed account/g;

/** How many catalog provider runs a backend's log (or a slice of it) records. */
export function providerRuns(output: string): number {
  return output.match(PROVIDER_RUN)?.length ?? 0;
}

/** The record an export answers (`201`), as far as the chain test reads it. */
export interface ExportedRecord {
  id: string;
  seq: number;
  prevSha256: string;
  chainSha256: string;
}

/** One export's answer. */
export interface ExportAnswer {
  status: number;
  record?: ExportedRecord;
  /** The body when the status is not 201, for the failure message. */
  error?: string;
}

/** A backend and the token to call it with. */
export interface Target {
  baseUrl: string;
  token: string;
}

/**
 * Sends `count` `POST route` requests at once, spread round-robin over `targets`, and returns
 * every answer with how long the whole batch took.
 */
export async function exportConcurrently(
  targets: Target[],
  route: string,
  count: number,
): Promise<{ answers: ExportAnswer[]; ms: number }> {
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const { baseUrl, token } = targets[i % targets.length];
      const res = await fetch(`${baseUrl}${route}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      });
      const body = await res.text();
      return res.status === 201
        ? { status: res.status, record: JSON.parse(body) as ExportedRecord }
        : { status: res.status, error: body.slice(0, 500) };
    }),
  );
  return { answers, ms: Date.now() - started };
}

/** The whole evidence chain as the list route gives it, oldest first, and what is wrong with it. */
export interface EvidenceChain {
  rows: ExportedRecord[];
  /** Each fork or gap, in words; empty for a linear chain 1..N. */
  problems: string[];
}

/**
 * Reads every snapshot through `GET <cf>/evidence` (newest first, 500 a page, `before=` the last
 * seq) and checks the chain is linear: seq 1..N with no gap or repeat, each row's `prevSha256` the
 * chain hash of the row before (the first row's is the genesis hash, checked by the store's verify).
 */
export async function readEvidenceChain(
  baseUrl: string,
  token: string,
  cf: string,
): Promise<EvidenceChain> {
  const rows: ExportedRecord[] = [];
  let before: number | undefined;
  for (;;) {
    const url = `${baseUrl}${cf}/evidence?limit=500${
      before !== undefined ? `&before=${before}` : ''
    }`;
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
    const page = (await res.json()) as {
      items: ExportedRecord[];
      nextBefore?: number;
    };
    rows.push(...page.items);
    if (page.nextBefore === undefined) break;
    before = page.nextBefore;
  }
  rows.reverse();
  const problems: string[] = [];
  rows.forEach((row, i) => {
    if (row.seq !== i + 1) {
      problems.push(`row ${i + 1} of the list has seq ${row.seq}`);
    }
    if (i > 0 && row.prevSha256 !== rows[i - 1].chainSha256) {
      problems.push(
        `seq ${row.seq} does not follow seq ${
          rows[i - 1].seq
        }: its prev hash is not that row's chain hash (a fork)`,
      );
    }
  });
  return { rows, problems };
}
