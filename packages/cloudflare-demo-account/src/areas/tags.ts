import { cfError, ok } from '../envelope';
import { cursorPageOf } from '../pagination';
import { DemoRoute, get } from '../route';
import type { TaggedResource } from '../fixtures/tags';

/** Cloudflare's limits on the filters. */
const MAX_TAG_FILTERS = 20;
const MAX_TAG_VALUES = 10;

/**
 * One `tag` filter as a predicate: `key` (has the key), `key=v1,v2` (one of the values), `!key`
 * (lacks the key), `key!=v` (does not have that value). Undefined when the filter is malformed.
 */
function tagFilter(
  raw: string,
  caseInsensitive: boolean,
): ((tags: Record<string, string>) => boolean) | undefined {
  const norm = (s: string) => (caseInsensitive ? s.toLowerCase() : s);
  const entries = (tags: Record<string, string>) =>
    Object.entries(tags).map(([k, v]) => [norm(k), norm(v)] as const);
  const has = (tags: Record<string, string>, key: string) =>
    entries(tags).find(([k]) => k === norm(key));
  if (raw.startsWith('!')) {
    const key = raw.slice(1);
    return key ? tags => !has(tags, key) : undefined;
  }
  const ne = raw.indexOf('!=');
  if (ne > 0) {
    const key = raw.slice(0, ne);
    const value = norm(raw.slice(ne + 2));
    return tags => has(tags, key)?.[1] !== value;
  }
  const eq = raw.indexOf('=');
  if (eq < 0) return raw ? tags => !!has(tags, raw) : undefined;
  const key = raw.slice(0, eq);
  const values = raw
    .slice(eq + 1)
    .split(',')
    .map(norm);
  if (!key || values.length > MAX_TAG_VALUES) return undefined;
  return tags => {
    const found = has(tags, key);
    return !!found && values.includes(found[1]);
  };
}

/**
 * Routes of the Resource Tagging API: `GET /accounts/{id}/tags/resources` with its filters (`type`
 * repeated and OR-ed, `tag` repeated and AND-ed, `id`, `name` substring, `case_insensitive`), in
 * cursor pages of 100 (`result_info.cursor` and `cursors.after`, empty on the last page).
 *
 * @public
 */
export const tagsRoutes: DemoRoute[] = [
  get('/accounts/:account_id/tags/resources', ({ url, data }) => {
    const q = url.searchParams;
    const caseInsensitive = q.get('case_insensitive') === 'true';
    const rawTags = q.getAll('tag');
    const filters = rawTags.map(t => tagFilter(t, caseInsensitive));
    if (rawTags.length > MAX_TAG_FILTERS || filters.some(f => !f))
      return cfError(400, 1001, 'Invalid tag filter');
    const types = q.getAll('type');
    const ids = q.getAll('id');
    const name = q.get('name')?.toLowerCase();
    const matches = (r: TaggedResource) =>
      (types.length === 0 || types.includes(r.type)) &&
      (ids.length === 0 || ids.includes(r.id)) &&
      (!name || r.name.toLowerCase().includes(name)) &&
      filters.every(f => f!(r.tags));
    const page = cursorPageOf(data.tags.resources.filter(matches), url, {
      defaultSize: 100,
      maxSize: 100,
    });
    return ok(page.items, page.resultInfo);
  }),
];
