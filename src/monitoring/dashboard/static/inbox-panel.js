/* global document */
// The dashboard's in-app notifications panel: the latest notifications of one audience, its unread
// count, mark read, and new ones live from GET /api/v1/notifications/stream. The stream is read with
// fetch(), not EventSource: EventSource cannot send the X-API-Key header, and the key must never go
// in a URL. Everything shown is written with textContent: titles and bodies are data, not markup.
'use strict';

(() => {
  const INBOX_URL = '/api/v1/notifications/inbox';
  const STREAM_URL = '/api/v1/notifications/stream';
  const SHOWN = 20;
  const FETCH_TIMEOUT_MS = 8_000;
  const DEFAULT_RETRY_MS = 3_000;

  const $ = (id) => document.getElementById(id);
  let session = null;

  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) {
      if (name === 'text') node.textContent = value;
      else if (name === 'className') node.className = value;
      else if (value !== undefined && value !== null) node.setAttribute(name, String(value));
    }
    for (const child of children) node.append(child);
    return node;
  }

  const clock = (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '–' : date.toLocaleTimeString('en-GB', { hour12: false });
  };

  function setStatus(state, message) {
    const node = $('inbox-status');
    if (!node) return;
    node.dataset.state = state;
    node.textContent = message;
  }

  /** One dashboard session for one key and one audience; stop() ends its requests and its stream. */
  class InboxSession {
    constructor(key, audience) {
      this.key = key;
      this.requested = audience;
      this.audience = audience;
      this.items = new Map();
      this.lastEventId = null;
      this.retryMs = DEFAULT_RETRY_MS;
      this.abort = new AbortController();
      this.stopped = false;
    }

    headers(extra = {}) {
      return { 'X-API-Key': this.key, ...extra };
    }

    async call(path, init = {}) {
      const response = await fetch(path, {
        ...init,
        headers: this.headers(init.headers),
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]),
      });
      const body = await response.json().catch(() => null);
      return { ok: response.ok, status: response.status, body };
    }

    async start() {
      setStatus('loading', 'Loading…');
      // No audience typed: the server's default (NOTIFY_ADMIN_AUDIENCE), which the page names.
      const query = new URLSearchParams({ ...(this.audience && { audience: this.audience }), limit: String(SHOWN) });
      const page = await this.call(`${INBOX_URL}?${query}`).catch(() => ({ ok: false, status: 0 }));
      if (this.stopped) return;
      if (!page.ok) {
        const why = page.status === 403 ? 'this key lacks notifications:read' : `HTTP ${page.status || 'error'}`;
        setStatus('error', `Notifications unavailable (${why})`);
        return;
      }
      if (typeof page.body?.audience === 'string') this.audience = page.body.audience;
      const items = Array.isArray(page.body?.items) ? page.body.items : [];
      for (const item of items) this.items.set(item.notification_id, item);
      // The stream picks up after the newest listed one: nothing between the list and the stream is lost.
      this.lastEventId = items.reduce((max, item) => Math.max(max, item.notification_id), 0);
      this.render(page.body?.unread_count);
      void this.stream();
    }

    stop() {
      this.stopped = true;
      this.abort.abort();
    }

    async stream() {
      while (!this.stopped) {
        try {
          const response = await fetch(`${STREAM_URL}?${new URLSearchParams({ audience: this.audience })}`, {
            headers: this.headers({ Accept: 'text/event-stream', 'Last-Event-ID': String(this.lastEventId ?? 0) }),
            credentials: 'omit',
            cache: 'no-store',
            referrerPolicy: 'no-referrer',
            signal: this.abort.signal,
          });
          if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
          setStatus('live', 'Live');
          await this.read(response.body.getReader());
        } catch (error) {
          if (this.stopped) return;
          setStatus('error', `Reconnecting (${error?.message ?? 'stream ended'})…`);
        }
        if (this.stopped) return;
        setStatus('error', 'Reconnecting…');
        await new Promise((resolve) => setTimeout(resolve, this.retryMs));
      }
    }

    /** Parses text/event-stream: fields up to a blank line make one event; `:` lines are comments. */
    async read(reader) {
      const decoder = new TextDecoder();
      let buffer = '';
      let event = { data: [] };
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let newline;
        while ((newline = buffer.indexOf('\n')) !== -1) {
          const line = buffer.slice(0, newline).replace(/\r$/, '');
          buffer = buffer.slice(newline + 1);
          if (line === '') {
            if (event.data.length > 0) this.receive(event);
            event = { data: [] };
          } else if (!line.startsWith(':')) {
            const colon = line.indexOf(':');
            const field = colon === -1 ? line : line.slice(0, colon);
            const text = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'data') event.data.push(text);
            else if (field === 'id') event.id = text;
            else if (field === 'event') event.type = text;
            else if (field === 'retry' && /^\d+$/.test(text)) this.retryMs = Number(text);
          }
        }
      }
    }

    receive(event) {
      if (event.type !== 'notification') return;
      let item;
      try {
        item = JSON.parse(event.data.join('\n'));
      } catch {
        return;
      }
      if (!Number.isInteger(item?.notification_id)) return;
      this.lastEventId = Math.max(this.lastEventId ?? 0, item.notification_id);
      const known = this.items.has(item.notification_id);
      this.items.set(item.notification_id, item);
      this.render(undefined, known || item.read ? 0 : 1);
    }

    async markRead(id) {
      const res = await this.call(`${INBOX_URL}/${id}/read`, { method: 'POST' }).catch(() => ({ ok: false }));
      if (!res.ok || this.stopped) return;
      this.items.set(id, res.body);
      await this.refreshCount();
    }

    async markAllRead() {
      const upTo = this.lastEventId || undefined;
      const res = await this.call(`${INBOX_URL}/read-all`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ audience: this.audience, ...(upTo ? { up_to_id: upTo } : {}) }),
      }).catch(() => ({ ok: false }));
      if (!res.ok || this.stopped) return;
      for (const item of this.items.values()) if (!upTo || item.notification_id <= upTo) item.read = true;
      this.render(res.body?.unread_count);
    }

    async refreshCount() {
      const query = new URLSearchParams({ audience: this.audience });
      const res = await this.call(`${INBOX_URL}/unread-count?${query}`).catch(() => ({ ok: false }));
      if (res.ok && !this.stopped) this.render(res.body?.unread_count);
    }

    render(unreadCount, added = 0) {
      const badge = $('inbox-unread');
      if (badge) {
        const current = Number(badge.dataset.count ?? 0);
        const count = Number.isInteger(unreadCount) ? unreadCount : current + added;
        badge.dataset.count = String(count);
        badge.textContent = count === 1 ? '1 unread' : `${count} unread`;
      }
      const list = $('inbox-list');
      if (!list) return;
      const newest = [...this.items.values()].sort((a, b) => b.notification_id - a.notification_id).slice(0, SHOWN);
      for (const key of [...this.items.keys()])
        if (!newest.some((item) => item.notification_id === key)) this.items.delete(key);
      if (newest.length === 0) {
        list.replaceChildren(el('li', { className: 'empty', text: `No notifications for ${this.audience} yet` }));
        return;
      }
      list.replaceChildren(...newest.map((item) => this.row(item)));
    }

    row(item) {
      const button = item.read
        ? el('span', { className: 'inbox-read', text: 'read' })
        : el('button', { type: 'button', className: 'inbox-mark', text: 'Mark read' });
      if (!item.read) button.addEventListener('click', () => void this.markRead(item.notification_id));
      return el('li', { 'data-notification-id': item.notification_id, 'data-read': item.read ? 'true' : 'false' }, [
        el('div', { className: 'inbox-head' }, [
          el('strong', { className: 'inbox-title', text: String(item.title ?? '') }),
          el('span', { className: 'inbox-time', title: String(item.created_at ?? ''), text: clock(item.created_at) }),
        ]),
        el('div', { className: 'inbox-body', text: String(item.body ?? '') }),
        el('div', { className: 'inbox-meta' }, [el('code', { text: String(item.event_type ?? '') }), button]),
      ]);
    }
  }

  function open(key) {
    const input = $('inbox-audience');
    const audience = (input?.value ?? '').trim();
    if (session && session.key === key && session.requested === audience) return;
    session?.stop();
    session = new InboxSession(key, audience);
    void session.start();
  }

  function close() {
    session?.stop();
    session = null;
    $('inbox-list')?.replaceChildren();
    setStatus('idle', 'Not connected');
  }

  // dashboard.js says when the board is shown (with the operator's key) and when it is hidden.
  document.addEventListener('botfleet:board-shown', (event) => open(event.detail?.key));
  document.addEventListener('botfleet:board-hidden', close);
  $('inbox-form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    if (session) {
      const key = session.key;
      session.stop();
      session = null;
      open(key);
    }
  });
  $('inbox-read-all')?.addEventListener('click', () => void session?.markAllRead());
})();
