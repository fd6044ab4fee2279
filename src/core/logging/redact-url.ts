/**
 * An API key's secret as it may appear in a URL: plain, or percent-encoded by a client. Keys travel
 * in headers only (a `?api_key=` is refused with 400), but a refused request is logged too, with its
 * URL: a client that pastes its key there must not leave it in the logs. The prefix is public.
 */
const KEY_IN_URL = /bf_([0-9a-f]{8})_(?:[A-Za-z0-9_-]|%[0-9A-Fa-f]{2})+/gi;

export function redactUrl(url: string): string {
  return url.replace(KEY_IN_URL, 'bf_$1_[redacted]');
}
