/**
 * Cloudflare's pagination styles (see the SDK's `core/pagination.ts`), applied to fixture arrays.
 */

/**
 * A page of items plus the `result_info` Cloudflare sends with it.
 *
 * @public
 */
export interface Page<T> {
  items: T[];
  resultInfo: Record<string, unknown>;
}

function intParam(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * `page` / `per_page` pagination (`V4PagePagination*`): pages past the end are empty, as the SDK's
 * iterators stop only on an empty page.
 *
 * @public
 */
export function pageOf<T>(
  items: readonly T[],
  url: URL,
  opts: { defaultPerPage?: number; maxPerPage?: number } = {},
): Page<T> {
  const perPage = Math.min(
    intParam(url, 'per_page', opts.defaultPerPage ?? 20),
    opts.maxPerPage ?? 100,
  );
  const page = intParam(url, 'page', 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  return {
    items: slice,
    resultInfo: {
      page,
      per_page: perPage,
      count: slice.length,
      total_count: items.length,
      total_pages: Math.max(1, Math.ceil(items.length / perPage)),
    },
  };
}

/** An opaque cursor holding the offset of the next item and the number of the page it starts. */
const encodeCursor = (offset: number, page: number) =>
  Buffer.from(`o:${offset}:p:${page}`).toString('base64url');
const decodeCursor = (
  cursor: string | null,
): { offset: number; page: number } => {
  const m = cursor
    ? /^o:(\d+):p:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString())
    : null;
  return m
    ? { offset: Number(m[1]), page: Number(m[2]) }
    : { offset: 0, page: 1 };
};

/**
 * Cursor pagination (`CursorPagination`, `CursorLimitPagination`, `CursorPaginationAfter`): the
 * cursor is empty on the last page; `cursors.after` is sent too, for the SDK iterators that read it.
 *
 * @public
 */
export function cursorPageOf<T>(
  items: readonly T[],
  url: URL,
  opts: {
    sizeParam?: 'per_page' | 'limit';
    defaultSize?: number;
    maxSize?: number;
  } = {},
): Page<T> {
  const size = Math.min(
    intParam(url, opts.sizeParam ?? 'per_page', opts.defaultSize ?? 20),
    opts.maxSize ?? 1000,
  );
  const { offset, page } = decodeCursor(url.searchParams.get('cursor'));
  const slice = items.slice(offset, offset + size);
  const next =
    offset + size < items.length ? encodeCursor(offset + size, page + 1) : '';
  return {
    items: slice,
    resultInfo: {
      count: slice.length,
      per_page: size,
      cursor: next,
      ...(next ? { cursors: { after: next } } : { cursors: {} }),
    },
  };
}

/**
 * Page-token pagination (`PageTokenPagination`, Containers).
 *
 * @public
 */
export function pageTokenOf<T>(
  items: readonly T[],
  url: URL,
  opts: { defaultPerPage?: number } = {},
): Page<T> {
  const size = intParam(url, 'per_page', opts.defaultPerPage ?? 20);
  const token = url.searchParams.get('page_token');
  const { offset, page } = decodeCursor(token);
  const slice = items.slice(offset, offset + size);
  const next =
    offset + size < items.length
      ? encodeCursor(offset + size, page + 1)
      : undefined;
  return {
    items: slice,
    resultInfo: {
      per_page: size,
      page_token: token ?? '',
      ...(next ? { next_page_token: next } : {}),
    },
  };
}

/**
 * The page number a request asks for, whatever the style (used by the mid-pagination fault).
 *
 * @public
 */
export function requestedPage(url: URL): number {
  if (url.searchParams.has('page')) return intParam(url, 'page', 1);
  return decodeCursor(
    url.searchParams.get('cursor') ?? url.searchParams.get('page_token'),
  ).page;
}
