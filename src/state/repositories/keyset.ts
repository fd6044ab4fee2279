/**
 * A keyset-paginated list's rows carry their time as text to the microsecond (ISO 8601, UTC, as
 * the sessions run): a JS Date keeps only milliseconds, and the rows one statement writes share
 * one now(), so a cursor built from a Date would skip the rest of them.
 */
export interface Keyed {
  keyset_at: string;
}

/** The select-list item that fills `keyset_at` from a timestamp column. */
export const keysetAt = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS keyset_at`;
