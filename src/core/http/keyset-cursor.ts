import { DomainException } from '../errors/domain.exception.js';
import { CoreErrorCode } from '../errors/error-catalogue.js';

/**
 * Keyset pagination cursors for lists ordered by (created_at, id) descending: opaque to clients
 * (base64url of `<ISO time>|<id>`), checked on the way back in.
 */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at);
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new DomainException(CoreErrorCode.InvalidCursor, 'cursor is not one this API returned.');
  }
  return { createdAt, id };
}
