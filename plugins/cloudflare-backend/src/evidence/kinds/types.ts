import { BasicPermission } from '@backstage/plugin-permission-common';
import { JsonObject, JsonValue } from '@backstage/types';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { CloudflareView } from '@cloudflare-backstage/plugin-cloudflare-common';
import { Request } from 'express';
import { z } from 'zod';
import { RouteContext } from '../../service/context';
import { EvidenceDiffRecord } from '../diff/records';
import { CollectedEvidence } from '../exportEvidence';

/** One route that creates a snapshot of a kind. */
export interface EvidenceExportRoute {
  /** `post` creates; `get` is the spec's `?download=json` alias, which needs `X-Requested-With`. */
  method: 'post' | 'get';
  path: string;
}

/**
 * The zod schemas a kind's scope is parsed from (path parameters, query, JSON body): what `scope`
 * parses and what the OpenAPI document states, one source.
 */
export interface EvidenceKindInput {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

/**
 * One kind of evidence snapshot: the routes that create it, how a request becomes its scope, which
 * read permissions a snapshot of that scope needs (to create it and to download it), and how its
 * data is read. One file per kind, one line in `EVIDENCE_KINDS`; the routes, the list filter and
 * the download check walk the table.
 */
export interface EvidenceKindDescriptor<S extends JsonObject = JsonObject> {
  routes: readonly EvidenceExportRoute[];
  /** The schemas of the request parts `scope` reads, for `cloudflare.evidence.maxScope`. */
  input(options: { maxScope: number }): EvidenceKindInput;
  /** The scope of a request (its filters, from path, query or body); throws `InputError`. */
  scope(req: Request, ctx: RouteContext): S;
  /**
   * Read permissions of the areas a snapshot of `scope` holds, besides `cloudflare.export.evidence`.
   * Download reads the scope back from the stored document, so it may be any JSON.
   */
  readPermissions(scope: Partial<S>): BasicPermission[];
  /** Names what is read, for error messages. */
  what: string;
  /** Reads the data fresh through the client, masked for `view` by the wire types. */
  collect(
    client: CloudflareClient,
    scope: S,
    view: CloudflareView,
  ): Promise<CollectedEvidence>;
  /**
   * The records of a stored snapshot's `data`, each under its natural key (an audit event id, a
   * deployment id, a bucket and rule id), for `GET /v1/evidence/diff`.
   */
  records(data: JsonValue): EvidenceDiffRecord[];
}

/** Declares a kind, inferring its scope type. */
export function defineEvidenceKind<S extends JsonObject>(
  kind: EvidenceKindDescriptor<S>,
): EvidenceKindDescriptor<S> {
  return kind;
}
