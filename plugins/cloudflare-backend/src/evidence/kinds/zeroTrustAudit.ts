import { JsonObject } from '@backstage/types';
import {
  accessAuditQuerySchema,
  CLOUDFLARE_CONTRACTS,
  cloudflareReadPermissions,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ROUTE_DESCRIPTORS } from '../../areas';
import { loadWire } from '../../service/readRoutes';
import { parseInput } from '../../service/validation';
import { maskWire } from '../../service/wire';
import { idOf, listOf, objectOf } from '../diff/records';
import { defineEvidenceKind } from './types';

const PATH = '/v1/zero-trust/export/audit';

/**
 * `zero-trust-audit`: one page of the Access audit log with the read route's filters (query
 * string); its population is the events it holds and whether the log was exhausted (no cursor).
 */
export const zeroTrustAuditEvidence = defineEvidenceKind({
  routes: [
    { method: 'post', path: PATH },
    { method: 'get', path: PATH },
  ],
  input: () => ({ query: accessAuditQuerySchema }),
  scope: req =>
    // Absent filters left out, so the scope has a stable shape.
    JSON.parse(
      JSON.stringify(parseInput(accessAuditQuerySchema, req.query, 'query')),
    ) as JsonObject,
  readPermissions: () => [cloudflareReadPermissions.zeroTrust],
  what: 'the Access audit log',
  collect: async (client, scope, view) => {
    const contract = CLOUDFLARE_CONTRACTS.zeroTrust.accessAudit;
    const { items = [], cursor } = await loadWire(
      client,
      contract,
      ROUTE_DESCRIPTORS.zeroTrust.accessAudit,
      { params: {}, query: accessAuditQuerySchema.parse(scope) },
    );
    const { values, masked } = maskWire(contract.wire, items, view);
    return {
      data: { events: values, ...(cursor ? { cursor } : {}) },
      population: { count: items.length, exhausted: cursor === undefined },
      masked,
    };
  },
  records: data =>
    listOf(objectOf(data).events).map(event => ({
      key: idOf(event),
      value: event,
      sensitive: CLOUDFLARE_CONTRACTS.zeroTrust.accessAudit.wire.sensitive,
    })),
});
