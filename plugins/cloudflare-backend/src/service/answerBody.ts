import { createHash } from 'node:crypto';
import { JsonValue } from '@backstage/types';
import { CloudflareEnvelope } from '@cloudflare-backstage/plugin-cloudflare-common';
import { Response } from 'express';
import type { ReadResult } from './readRoutes';

/** A read's HTTP body, serialized once: its bytes and their weak ETag. */
interface Body {
  bytes: Buffer;
  etag: string;
}

/**
 * Bodies of fresh answers by view, per cached answer object. The cache's per-process front hands
 * out the same answer object for as long as it is fresh, so a warm route masks and serializes its
 * envelope once per view instead of once per request; when the front drops the answer, its bodies
 * go with it.
 */
const bodies = new WeakMap<object, Map<string, Body>>();

/** Express's default ETag (the `etag` package, weak): `W/"<length hex>-<SHA-1 base64, 27>"`. */
function weakEtag(bytes: Buffer): string {
  const hash = createHash('sha1').update(bytes).digest('base64').slice(0, 27);
  return `W/"${bytes.length.toString(16)}-${hash}"`;
}

function bodyOf(envelope: CloudflareEnvelope<JsonValue>): Body {
  const bytes = Buffer.from(JSON.stringify(envelope), 'utf8');
  return { bytes, etag: weakEtag(bytes) };
}

/**
 * Answers a read with its envelope as JSON: the same bytes and ETag as `res.json`, built once per
 * fresh answer and view. A stale answer is built for each request (it is rare, and not kept).
 */
export function sendEnvelope(
  res: Response,
  result: ReadResult,
  envelopeOf: (result: ReadResult) => CloudflareEnvelope<JsonValue>,
): void {
  let body: Body;
  if (result.answer.stale) {
    body = bodyOf(envelopeOf(result));
  } else {
    let byView = bodies.get(result.answer);
    if (!byView) bodies.set(result.answer, (byView = new Map()));
    const key = `${result.view}\u0000${result.account.accountId}`;
    body = byView.get(key) ?? bodyOf(envelopeOf(result));
    byView.set(key, body);
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('ETag', body.etag);
  res.send(body.bytes);
}
