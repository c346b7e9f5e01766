import { BasicPermission } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { CloudflareClient } from '@cloudflare-backstage/cloudflare-client';
import { CloudflareView } from '@cloudflare-backstage/plugin-cloudflare-common';
import { Request } from 'express';
import { RouteContext } from '../../service/context';
import { CollectedEvidence } from '../exportEvidence';

/** One route that creates a snapshot of a kind. */
export interface EvidenceExportRoute {
  /** `post` creates; `get` is the spec's `?download=json` alias, which needs `X-Requested-With`. */
  method: 'post' | 'get';
  path: string;
}

/**
 * One kind of evidence snapshot: the routes that create it, how a request becomes its scope, which
 * read permissions a snapshot of that scope needs (to create it and to download it), and how its
 * data is read. One file per kind, one line in `EVIDENCE_KINDS`; the routes, the list filter and
 * the download check walk the table.
 */
export interface EvidenceKindDescriptor<S extends JsonObject = JsonObject> {
  routes: readonly EvidenceExportRoute[];
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
}

/** Declares a kind, inferring its scope type. */
export function defineEvidenceKind<S extends JsonObject>(
  kind: EvidenceKindDescriptor<S>,
): EvidenceKindDescriptor<S> {
  return kind;
}
