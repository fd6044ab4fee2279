import { createHash } from 'node:crypto';

export interface HashedContent {
  from: string | null;
  message_id: string | null;
  sent_at: Date | null;
  subject: string | null;
  /** The normalised text (bodyText's output), so a relay's re-encoding or line ends do not count. */
  text: string;
  attachment_sha256: string[];
}

/**
 * The message's identity for dedupe: SHA-256 of a canonical JSON array of what the sender wrote,
 * never of the raw bytes, so the Received, Delivered-To and Return-Path headers each hop adds (and a
 * change of transfer encoding) leave it as it was. An array, not an object, so the order is fixed
 * by this code and not by how an object happened to be built.
 */
export function contentSha256(content: HashedContent): string {
  const canonical = JSON.stringify([
    content.from,
    content.message_id,
    content.sent_at === null ? null : content.sent_at.toISOString(),
    content.subject,
    content.text,
    content.attachment_sha256,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
