import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_KEY_PATTERN } from '../core/config/environment.js';

// `bf_<prefix>_<secret>`: a recognisable shape, so secret scanners can find a leaked key, and a
// public prefix (8 hex characters) to find its row by and to name it in lists and audit lines.

export interface ParsedApiKey {
  prefix: string;
  key: string;
}

export function generateApiKey(): ParsedApiKey {
  const prefix = randomBytes(4).toString('hex');
  return { prefix, key: `bf_${prefix}_${randomBytes(32).toString('base64url')}` };
}

export function parseApiKey(key: string): ParsedApiKey | null {
  const match = API_KEY_PATTERN.exec(key);
  return match ? { prefix: match[1], key } : null;
}

/**
 * What is stored: HMAC-SHA-256 with the server-side pepper when one is configured (a stolen table
 * alone then verifies nothing), plain SHA-256 otherwise. The secrets are 256-bit random values, so
 * a fast hash is enough: there is nothing to brute-force.
 */
export function hashApiKey(key: string, pepper?: string): string {
  return pepper
    ? createHmac('sha256', pepper).update(key).digest('hex')
    : createHash('sha256').update(key).digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
