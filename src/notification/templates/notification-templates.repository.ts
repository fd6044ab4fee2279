import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface TemplateKey {
  event_type: string;
  channel: string;
  locale: string;
}

export interface TemplateRow extends TemplateKey {
  subject: string;
  body_text: string;
  body_html: string | null;
  updated_by: string | null;
  updated_at: Date;
}

const COLUMNS = 'event_type, channel::text AS channel, locale, subject, body_text, body_html, updated_by, updated_at';

/**
 * Stored overrides of the shipped templates, one per (event type, channel, locale). The table
 * holds at most one row per catalogue type, channel and locale, so it is read whole. Reads go to
 * the writer: a save is visible to the renderer the moment its cache is dropped.
 */
@Injectable()
export class NotificationTemplatesRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  async all(): Promise<TemplateRow[]> {
    return this.writer.query(`SELECT ${COLUMNS} FROM notification_templates ORDER BY event_type, channel, locale`);
  }

  async find(key: TemplateKey): Promise<TemplateRow | null> {
    const rows: TemplateRow[] = await this.writer.query(
      `SELECT ${COLUMNS} FROM notification_templates WHERE event_type = $1 AND channel = $2 AND locale = $3`,
      [key.event_type, key.channel, key.locale],
    );
    return rows[0] ?? null;
  }

  async save(
    key: TemplateKey,
    template: { subject: string; body_text: string; body_html: string | null },
    updatedBy: string | null,
  ): Promise<TemplateRow> {
    const rows: TemplateRow[] = await this.writer.query(
      `INSERT INTO notification_templates (event_type, channel, locale, subject, body_text, body_html, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (event_type, channel, locale) DO UPDATE
         SET subject = EXCLUDED.subject, body_text = EXCLUDED.body_text, body_html = EXCLUDED.body_html,
             updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING ${COLUMNS}`,
      [key.event_type, key.channel, key.locale, template.subject, template.body_text, template.body_html, updatedBy],
    );
    return rows[0];
  }

  /** True when an override was there to delete. */
  async delete(key: TemplateKey): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `WITH deleted AS (
         DELETE FROM notification_templates WHERE event_type = $1 AND channel = $2 AND locale = $3 RETURNING 1
       ) SELECT * FROM deleted`,
      [key.event_type, key.channel, key.locale],
    );
    return rows.length > 0;
  }
}
