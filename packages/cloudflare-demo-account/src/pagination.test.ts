import { cursorPageOf, pageOf, pageTokenOf, requestedPage } from './pagination';

const items = Array.from({ length: 23 }, (_, i) => i);
const url = (q: string) => new URL(`https://x.test/p?${q}`);

describe('pagination', () => {
  it('pages by page/per_page and answers an empty page past the end', () => {
    expect(pageOf(items, url('per_page=10&page=3'))).toEqual({
      items: [20, 21, 22],
      resultInfo: {
        page: 3,
        per_page: 10,
        count: 3,
        total_count: 23,
        total_pages: 3,
      },
    });
    expect(pageOf(items, url('per_page=10&page=4')).items).toEqual([]);
    expect(pageOf(items, url('')).items).toHaveLength(20);
    expect(
      pageOf(items, url('per_page=500'), { maxPerPage: 5 }).items,
    ).toHaveLength(5);
    expect(
      pageOf(items, url('per_page=-1'), { defaultPerPage: 7 }).items,
    ).toHaveLength(7);
  });

  it('pages by cursor, with an empty cursor on the last page', () => {
    const first = cursorPageOf(items, url('per_page=10'));
    expect(first.items).toEqual(items.slice(0, 10));
    const after = (first.resultInfo.cursors as { after: string }).after;
    expect(first.resultInfo.cursor).toBe(after);
    const second = cursorPageOf(
      items,
      url(`per_page=10&cursor=${first.resultInfo.cursor}`),
    );
    const third = cursorPageOf(
      items,
      url(`per_page=10&cursor=${second.resultInfo.cursor}`),
    );
    expect(third.items).toEqual([20, 21, 22]);
    expect(third.resultInfo.cursor).toBe('');
    expect(third.resultInfo.cursors).toEqual({});
    expect(
      cursorPageOf(items, url('limit=4'), { sizeParam: 'limit' }).items,
    ).toHaveLength(4);
  });

  it('pages by page token', () => {
    const first = pageTokenOf(items, url('per_page=20'));
    expect(first.items).toHaveLength(20);
    const next = first.resultInfo.next_page_token as string;
    const last = pageTokenOf(items, url(`per_page=20&page_token=${next}`));
    expect(last.items).toEqual([20, 21, 22]);
    expect(last.resultInfo.next_page_token).toBeUndefined();
  });

  it('tells the requested page for the mid-pagination fault', () => {
    expect(requestedPage(url('page=3'))).toBe(3);
    expect(requestedPage(url(''))).toBe(1);
    const second = cursorPageOf(items, url('per_page=5')).resultInfo.cursor;
    const third = cursorPageOf(items, url(`per_page=5&cursor=${second}`))
      .resultInfo.cursor;
    expect(requestedPage(url(`cursor=${second}`))).toBe(2);
    expect(requestedPage(url(`cursor=${third}`))).toBe(3);
    expect(requestedPage(url('cursor=not-a-demo-cursor'))).toBe(1);
  });
});
