import { DomainException } from '../errors/domain.exception.js';
import { CoreErrorCode } from '../errors/error-catalogue.js';
import type { PageDto } from './page.dto.js';

/**
 * A row's place in a list ordered by (time, id) descending: what a cursor points past. `at` is ISO
 * 8601 UTC to the microsecond, as the database has it (a Date would round rows written by one
 * statement together out of the next page).
 */
export interface Keyset {
  at: string;
  id: string;
}

/** What one list knows; `paginate` does the rest. */
export interface KeysetList<R, T> {
  /** Up to `limit` rows, newest first, older than `before` (from the newest without it). */
  fetch(before: Keyset | undefined, limit: number): Promise<R[]>;
  keyOf(row: R): Keyset;
  toItem(row: R): T;
  /** The shape the list's ids have (alert ids are bigints), so a forged cursor is a 400, not a SQL error. */
  idPattern?: RegExp;
}

/**
 * One page of a keyset-paginated list. It reads one row more than `limit`: that row only tells
 * that there is a next page, so a page that is exactly full ends the list instead of handing out
 * a cursor to an empty page.
 */
export async function paginate<R, T>(
  list: KeysetList<R, T>,
  page: { limit: number; cursor?: string },
): Promise<PageDto<T>> {
  const before = page.cursor ? decodeCursor(page.cursor, list.idPattern) : undefined;
  const rows = await list.fetch(before, page.limit + 1);
  const items = rows.slice(0, page.limit);
  return {
    items: items.map((row) => list.toItem(row)),
    next_cursor: rows.length > page.limit ? encodeCursor(list.keyOf(items[items.length - 1])) : null,
  };
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/;

// Opaque to clients: base64url of `<ISO time>|<id>`, checked on the way back in.
function encodeCursor({ at, id }: Keyset): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string, idPattern?: RegExp): Keyset {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!id || !isTime(at) || (idPattern && !idPattern.test(id))) {
    throw new DomainException(CoreErrorCode.InvalidCursor, 'cursor is not one this API returned.');
  }
  return { at, id };
}

/** The database refuses (a 500) what Date rolls over, such as February 30th: the two must agree. */
function isTime(at: string | undefined): at is string {
  if (!at || !ISO_UTC.test(at)) return false;
  const time = new Date(at);
  return !Number.isNaN(time.getTime()) && time.toISOString().slice(0, 19) === at.slice(0, 19);
}
