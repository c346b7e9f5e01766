/*
 * The load generator of the cached-read figures: HTTP/1.1 GETs over raw keep-alive TCP sockets,
 * one request at a time per connection. Not a benchmark itself (bench.sh runs only *.bench.ts).
 *
 * Each request is the same prebuilt bytes; an answer is read only as far as its status and
 * `Content-Length`; latencies go into a preallocated array. So the generator allocates almost
 * nothing per request and its own garbage collections and event-loop stalls (which would count as
 * the server's latency in an open loop) stay out of the figures. `node:http`'s client allocates
 * tens of kB per request: with it the bare server's p99 floor was 4-8 ms at 2,000 req/s on the
 * 2-core machine, most of it the client's own pauses.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { percentile } from './benchKit';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

/** Where every connection's reads land: each read is parsed before the next. */
const readBuffer = Buffer.alloc(256 * 1024);

/** One keep-alive connection sending `request` and reading one answer at a time. */
class Connection {
  private readonly socket: net.Socket;
  private header: Buffer | undefined;
  private remaining = -1;
  private status = 0;
  private bytes = 0;
  private done?: (answer: { status: number; bytes: number }) => void;
  private failed?: (e: Error) => void;
  /** Why the connection can take no more requests, once it cannot. */
  private broken?: Error;

  constructor(port: number, private readonly request: Buffer) {
    // Reads land in one buffer of the generator's (`onread`), not in a new Buffer per read: at
    // 40 MB/s of answers those would be external memory that makes V8 run full collections.
    this.socket = net.connect({
      port,
      host: '127.0.0.1',
      noDelay: true,
      onread: {
        buffer: readBuffer,
        callback: (n: number, buffer: Uint8Array) => {
          this.onData(buffer as Buffer, n);
          return true;
        },
      },
    });
    this.socket.on('error', e => this.fail(e));
    this.socket.on('close', () =>
      this.fail(new Error('connection closed by the server')),
    );
  }

  /** Sends the request; resolves with the answer's status and body length. */
  send(): Promise<{ status: number; bytes: number }> {
    return new Promise((resolve, reject) => {
      if (this.broken) {
        reject(this.broken);
        return;
      }
      this.done = resolve;
      this.failed = reject;
      this.socket.write(this.request);
    });
  }

  /** `n` bytes read into `buffer` (reused for the next read). */
  private onData(buffer: Buffer, n: number) {
    let body = n;
    if (this.remaining < 0) {
      const chunk = buffer.subarray(0, n);
      const seen = this.header ? Buffer.concat([this.header, chunk]) : chunk;
      const end = seen.indexOf(HEADER_END);
      if (end < 0) {
        this.header = Buffer.from(seen);
        return;
      }
      this.header = undefined;
      const head = seen.toString('latin1', 0, end);
      const length = CONTENT_LENGTH.exec(head);
      if (!length) {
        this.fail(new Error(`answer without Content-Length: ${head}`));
        return;
      }
      this.status = Number(head.slice(9, 12));
      this.remaining = Number(length[1]);
      this.bytes = this.remaining;
      body = seen.length - end - HEADER_END.length;
    }
    this.remaining -= body;
    if (this.remaining <= 0) {
      this.remaining = -1;
      const done = this.done;
      this.done = undefined;
      this.failed = undefined;
      done?.({ status: this.status, bytes: this.bytes });
    }
  }

  /** Fails the request in flight, if any, and every later one. */
  private fail(e: Error) {
    this.broken ??= e;
    this.failed?.(e);
    this.failed = undefined;
  }

  close() {
    this.broken = new Error('closed by the generator');
    this.failed = undefined;
    this.socket.destroy();
  }
}

function connect(port: number, path: string, connections: number) {
  const request = Buffer.from(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`,
    'latin1',
  );
  return Array.from(
    { length: connections },
    () => new Connection(port, request),
  );
}

/**
 * Closed loop: `connections` keep-alive connections for `seconds`, each sending its next request
 * as soon as the last is answered.
 */
export async function closedLoop(
  port: number,
  path: string,
  connections: number,
  seconds: number,
) {
  const all = connect(port, path, connections);
  let n = 0;
  let failed = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  try {
    await Promise.all(
      all.map(async c => {
        while (performance.now() < end) {
          const r = await c.send();
          n += 1;
          if (r.status !== 200) failed += 1;
        }
      }),
    );
  } finally {
    all.forEach(c => c.close());
  }
  return { n, failed, rps: n / ((performance.now() - t0) / 1000) };
}

const sleepUntil = (t: number) =>
  new Promise(r => setTimeout(r, Math.max(0, t - performance.now())));

/**
 * Open loop: `rate` requests per second spread evenly over `connections` keep-alive connections
 * for `seconds`. Each latency is measured from the request's scheduled time, so a request that
 * had to wait for the one before it on its connection counts its wait (no coordinated omission).
 */
export async function openLoop(
  port: number,
  path: string,
  { rate, connections, seconds }: Record<string, number>,
) {
  const all = connect(port, path, connections);
  const interval = (connections / rate) * 1000;
  const perConnection = Math.floor((seconds * 1000) / interval);
  const ms = new Float64Array(perConnection * connections);
  let n = 0;
  let failed = 0;
  let bytes = 0;
  const t0 = performance.now() + 10;
  try {
    await Promise.all(
      all.map(async (c, i) => {
        for (let k = 0; k < perConnection; k++) {
          const due = t0 + (i / connections) * interval + k * interval;
          await sleepUntil(due);
          // Timers may fire up to 1 ms early: then the latency counts from the send.
          const sent = Math.min(due, performance.now());
          const r = await c.send();
          ms[n++] = performance.now() - sent;
          bytes = r.bytes;
          if (r.status !== 200) failed += 1;
        }
      }),
    );
  } finally {
    all.forEach(c => c.close());
  }
  ms.sort();
  return {
    n,
    failed,
    bytes,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
  };
}
