import { request } from 'node:http';
import { TEST_ADMIN_KEY } from './test-app.js';

export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

export interface SseConnection {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Events received so far, in order (comments such as `: ping` are in `comments`). */
  events: SseEvent[];
  comments: string[];
  retry?: number;
  /** Resolves once `n` events have arrived (rejects after `timeoutMs`). */
  waitForEvents(n: number, timeoutMs?: number): Promise<SseEvent[]>;
  waitForComment(text: string, timeoutMs?: number): Promise<void>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * A real HTTP client for text/event-stream (node:http, no EventSource polyfill): parses events by
 * the WHATWG rules that matter here (id, event, data lines, comments, retry, blank-line dispatch).
 */
export function openStream(
  url: string,
  options: { key?: string | null; lastEventId?: string; headers?: Record<string, string> } = {},
): Promise<SseConnection> {
  const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers };
  const key = options.key === undefined ? TEST_ADMIN_KEY : options.key;
  if (key !== null) headers['x-api-key'] = key;
  if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const events: SseEvent[] = [];
      const comments: string[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      let pending: SseEvent = { data: '' };
      let hasData = false;
      let endedResolve!: () => void;
      const ended = new Promise<void>((r) => (endedResolve = r));
      const connection: SseConnection = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        comments,
        ended,
        waitForEvents: (n, timeoutMs = 10_000) =>
          until(
            () => events.length >= n,
            timeoutMs,
            `${n} events`,
            () => [...events],
          ),
        waitForComment: (text, timeoutMs = 10_000) =>
          until(
            () => comments.includes(text),
            timeoutMs,
            `comment ${text}`,
            () => undefined,
          ),
        close: () => req.destroy(),
      };
      function until<T>(done: () => boolean, timeoutMs: number, what: string, value: () => T): Promise<T> {
        if (done()) return Promise.resolve(value());
        return new Promise((ok, fail) => {
          const check = () => {
            if (!done()) return;
            clearTimeout(timer);
            waiters.delete(check);
            ok(value());
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            fail(
              new Error(
                `waited ${timeoutMs} ms for ${what}; got ${events.length} events: ${JSON.stringify(events.map((e) => e.id))}`,
              ),
            );
          }, timeoutMs);
          waiters.add(check);
        });
      }
      const line = (text: string) => {
        if (text === '') {
          if (hasData) events.push({ ...pending, data: pending.data.replace(/\n$/, '') });
          pending = { data: '' };
          hasData = false;
          return;
        }
        if (text.startsWith(':')) return comments.push(text.slice(1).trim());
        const colon = text.indexOf(':');
        const field = colon === -1 ? text : text.slice(0, colon);
        const value = colon === -1 ? '' : text.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') {
          pending.data += `${value}\n`;
          hasData = true;
        } else if (field === 'id') pending.id = value;
        else if (field === 'event') pending.event = value;
        else if (field === 'retry') connection.retry = Number(value);
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let newline: number;
        while ((newline = buffer.indexOf('\n')) !== -1) {
          line(buffer.slice(0, newline).replace(/\r$/, ''));
          buffer = buffer.slice(newline + 1);
        }
        for (const waiter of [...waiters]) waiter();
      });
      res.on('close', () => endedResolve());
      res.on('error', () => endedResolve());
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
        // Not a stream (a problem+json refusal): read it whole into `data` of one pseudo-event.
        let body = '';
        res.removeAllListeners('data');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          events.push({ data: body });
          resolve(connection);
        });
        return;
      }
      resolve(connection);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The notification an SSE event carries. */
export const notificationOf = (event: SseEvent) =>
  JSON.parse(event.data) as { notification_id: number; audience: string; title: string; data: Record<string, unknown> };
