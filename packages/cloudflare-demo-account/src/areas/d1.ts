import { cfError, ok } from '../envelope';
import { pageOf } from '../pagination';
import { DemoRoute, get } from '../route';

const DATABASES = '/accounts/:account_id/d1/database';

/** Cloudflare's answer for a database that does not exist. */
const notFound = (id: string) =>
  cfError(404, 7404, `The database ${id} could not be found`);

/**
 * Routes of the D1 area: databases (page paging, `name` filter, per_page default 1000) with the list
 * fields only, database detail with `file_size`, `num_tables` and `read_replication`, and the
 * current Time Travel bookmark. Query, raw, export and restore are never served.
 *
 * @public
 */
export const d1Routes: DemoRoute[] = [
  get(DATABASES, ({ url, data }) => {
    const name = url.searchParams.get('name');
    const list = data.d1.databases
      .filter(db => !name || db.name.includes(name))
      .map(({ uuid, name: dbName, created_at, version, jurisdiction }) => ({
        uuid,
        name: dbName,
        created_at,
        version,
        jurisdiction,
      }));
    const page = pageOf(list, url, { defaultPerPage: 1000, maxPerPage: 10000 });
    return ok(page.items, page.resultInfo);
  }),
  get(`${DATABASES}/:database_id`, ({ params, data }) => {
    const db = data.d1.databases.find(d => d.uuid === params.database_id);
    return db ? ok(db) : notFound(params.database_id);
  }),
  get(`${DATABASES}/:database_id/time_travel/bookmark`, ({ params, data }) => {
    const bookmark = data.d1.bookmarks[params.database_id];
    return bookmark ? ok(bookmark) : notFound(params.database_id);
  }),
];
