import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import type { RenderedChannel } from './defaults/index.js';
import {
  NotificationTemplatesRepository,
  type TemplateKey,
  type TemplateRow,
} from './notification-templates.repository.js';
import { type CompiledTemplate, TemplateCompiler } from './template-compiler.js';

interface Entry {
  row: TemplateRow;
  compiled?: CompiledTemplate;
}

export const templateKey = (key: TemplateKey) => `${key.event_type}|${key.channel}|${key.locale}`;

/**
 * The stored overrides, compiled, as one snapshot of the (small) table reloaded once it is older
 * than NOTIFY_TEMPLATE_CACHE_MS: a render asks the database at most once per interval, however many
 * messages it sends. A save or delete on this instance drops the snapshot at once.
 */
@Injectable()
export class TemplateOverrides {
  private snapshot: { loadedAt: number; entries: Map<string, Entry> } | null = null;
  private loading: Promise<Map<string, Entry>> | null = null;
  /** The last snapshot loaded, served past its TTL while the database does not answer. */
  private stale: Map<string, Entry> | null = null;
  private generation = 0;

  constructor(
    private readonly repository: NotificationTemplatesRepository,
    private readonly compiler: TemplateCompiler,
    private readonly config: AppConfig,
  ) {}

  async find(eventType: string, channel: RenderedChannel, locale: string): Promise<CompiledTemplate | null> {
    const entries = await this.entries();
    const entry = entries.get(templateKey({ event_type: eventType, channel, locale }));
    if (!entry) return null;
    // Compiled on first use: a template saved and never sent costs nothing.
    entry.compiled ??= this.compiler.compile({
      subject: entry.row.subject,
      text: entry.row.body_text,
      html: entry.row.body_html,
    });
    return entry.compiled;
  }

  invalidate(): void {
    this.generation++;
    this.snapshot = null;
    this.stale = null;
  }

  private async entries(): Promise<Map<string, Entry>> {
    const ttl = this.config.get('NOTIFY_TEMPLATE_CACHE_MS');
    if (this.snapshot && Date.now() - this.snapshot.loadedAt < ttl) return this.snapshot.entries;
    this.loading ??= this.load().finally(() => (this.loading = null));
    try {
      return await this.loading;
    } catch (error) {
      // The database is away: what was stored a moment ago still holds; with nothing loaded yet,
      // the send fails and is retried (a default in place of a customer's template would be wrong).
      if (this.stale) return this.stale;
      throw error;
    }
  }

  private async load(): Promise<Map<string, Entry>> {
    const generation = this.generation;
    const previous = this.stale;
    const rows = await this.repository.all();
    const entries = new Map<string, Entry>();
    for (const row of rows) {
      const key = templateKey(row);
      const known = previous?.get(key);
      // An unchanged row keeps its compiled template across reloads.
      const same = known && known.row.updated_at.getTime() === row.updated_at.getTime();
      entries.set(key, same ? known : { row });
    }
    // A save during the load leaves the snapshot empty, so the next render reads the save.
    if (generation === this.generation) {
      this.snapshot = { loadedAt: Date.now(), entries };
      this.stale = entries;
    }
    return entries;
  }
}
