import { DomainException } from '../errors/domain.exception.js';
import { CoreErrorCode } from '../errors/error-catalogue.js';
import type { PageDto } from './page.dto.js';

/** A row's place in a list ordered by (time, id) descending: what a cursor points past. */
export interface Keyset {
  at: Date;
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

// Opaque to clients: base64url of `<ISO time>|<id>`, checked on the way back in.
function encodeCursor({ at, id }: Keyset): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string, idPattern?: RegExp): Keyset {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(time);
  if (!id || Number.isNaN(at.getTime()) || (idPattern && !idPattern.test(id))) {
    throw new DomainException(CoreErrorCode.InvalidCursor, 'cursor is not one this API returned.');
  }
  return { at, id };
}
