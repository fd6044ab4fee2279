import { describe, expect, it, jest } from '@jest/globals';
import { DomainException } from '../errors/domain.exception.js';
import { CoreErrorCode } from '../errors/error-catalogue.js';
import { type Keyset, type KeysetList, paginate } from './keyset-pagination.js';

interface Row {
  id: string;
  at: string;
}

// Newest first by (at, id), as the repositories order: 4 and 3 share an instant (one statement
// wrote them), and 2 is in the same millisecond.
const ROWS: Row[] = [
  { id: '5', at: '2026-11-23T10:00:03.000000Z' },
  { id: '4', at: '2026-11-23T10:00:02.000500Z' },
  { id: '3', at: '2026-11-23T10:00:02.000500Z' },
  { id: '2', at: '2026-11-23T10:00:02.000100Z' },
  { id: '1', at: '2026-11-23T10:00:00.000000Z' },
];

// Same-width ISO strings order as the times they name.
const older = (row: Row, before: Keyset) => row.at < before.at || (row.at === before.at && row.id < before.id);

function list(rows: Row[] = ROWS, idPattern?: RegExp) {
  const fetch = jest.fn(async (before: Keyset | undefined, limit: number) =>
    rows.filter((row) => !before || older(row, before)).slice(0, limit),
  );
  const spec: KeysetList<Row, string> = {
    fetch,
    keyOf: (row) => ({ at: row.at, id: row.id }),
    toItem: (row) => row.id,
    idPattern,
  };
  return { spec, fetch };
}

const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

describe('paginate', () => {
  it('reads one row more than the limit, and hands out a cursor only when there is more', async () => {
    const { spec, fetch } = list();
    const first = await paginate(spec, { limit: 2 });
    expect(fetch).toHaveBeenCalledWith(undefined, 3);
    expect(first).toEqual({ items: ['5', '4'], next_cursor: expect.any(String) });
  });

  it('ends the list at a page that is exactly full', async () => {
    expect(await paginate(list().spec, { limit: 5 })).toEqual({ items: ['5', '4', '3', '2', '1'], next_cursor: null });
    expect(await paginate(list([]).spec, { limit: 5 })).toEqual({ items: [], next_cursor: null });
  });

  it('walks the whole list without gaps or repeats, through rows that share an instant or a millisecond', async () => {
    const { spec, fetch } = list();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await paginate(spec, { limit: 2, cursor });
      seen.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['5', '4', '3', '2', '1']);
    // The last page (['1']) was the third: no fourth, empty request.
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(fetch).toHaveBeenLastCalledWith({ at: ROWS[3].at, id: '2' }, 3);
  });

  it.each([
    ['not base64 of time|id', 'bm9wZQ'],
    ['no id', cursorOf('2026-11-23T10:00:00.000Z|')],
    ['no valid time', cursorOf('yesterday|5')],
    ['a day the calendar lacks', cursorOf('2026-02-30T00:00:00.000000Z|5')],
    ['a time not in UTC', cursorOf('2026-11-23T10:00:00+01:00|5')],
  ])('refuses a cursor with %s as INVALID_CURSOR, reading nothing', async (_case, cursor) => {
    const { spec, fetch } = list();
    await expect(paginate(spec, { limit: 2, cursor })).rejects.toMatchObject({
      constructor: DomainException,
      code: CoreErrorCode.InvalidCursor,
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("refuses a cursor whose id is not of the list's shape", async () => {
    const { spec, fetch } = list(ROWS, /^\d{1,18}$/);
    const forged = cursorOf("2026-11-23T10:00:00.000Z|1' OR '1'='1");
    await expect(paginate(spec, { limit: 2, cursor: forged })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    expect(fetch).not.toHaveBeenCalled();
    await expect(paginate(spec, { limit: 2, cursor: cursorOf('2026-11-23T10:00:02.000500Z|4') })).resolves.toEqual({
      items: ['3', '2'],
      next_cursor: expect.any(String),
    });
  });
});
