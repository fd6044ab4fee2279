import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { READ_DATA_SOURCE } from '../data-source.js';
import { type Keyed, keysetAt } from './keyset.js';

export type TemplateSourceValue = 'USER' | 'LEARNED';

export interface InvoiceTemplateRow {
  template_id: string;
  vendor_name: string;
  keywords: string[];
  fields: Record<string, unknown>;
  options: Record<string, unknown>;
  source: TemplateSourceValue;
  corrections_applied: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface TemplateWrite {
  vendor_name: string;
  keywords: string[];
  fields: Record<string, unknown>;
  options: Record<string, unknown>;
}

/** More templates than this is not a vendor list but an abuse: extraction reads at most these. */
export const MATCHABLE_TEMPLATES = 2_000;

type Queryable = Pick<EntityManager, 'query'>;

/** Vendor templates: written by users over REST, or learned from review corrections. */
@Injectable()
export class InvoiceTemplatesRepository {
  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
  ) {}

  // UPDATE and DELETE run inside CTEs: TypeORM answers a bare UPDATE or DELETE with [rows, count].

  /** Every template extraction may match, most recently changed first; from the writer, so a fresh correction counts. */
  forMatching(): Promise<InvoiceTemplateRow[]> {
    return this.writer.query(`SELECT * FROM invoice_templates ORDER BY updated_at DESC LIMIT ${MATCHABLE_TEMPLATES}`);
  }

  /** Newest first by (created_at, template_id). */
  list(filter: {
    source?: TemplateSourceValue;
    before?: { at: string; id: string };
    limit: number;
  }): Promise<Array<InvoiceTemplateRow & Keyed>> {
    const params: unknown[] = [filter.source ?? null];
    let keyset = '';
    if (filter.before) {
      params.push(filter.before.at, filter.before.id);
      keyset = 'AND (created_at, template_id) < ($2::timestamp, $3::uuid)';
    }
    params.push(filter.limit);
    return this.reader.query(
      `SELECT *, ${keysetAt('created_at')} FROM invoice_templates
        WHERE ($1::invoice_template_source_enum IS NULL OR source = $1) ${keyset}
        ORDER BY created_at DESC, template_id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async get(templateId: string): Promise<InvoiceTemplateRow | undefined> {
    const rows: InvoiceTemplateRow[] = await this.writer.query(
      `SELECT * FROM invoice_templates WHERE template_id = $1`,
      [templateId],
    );
    return rows[0];
  }

  /** Undefined when the vendor has a template from this source already (the unique index). */
  async insert(template: TemplateWrite, source: TemplateSourceValue, createdBy: string | null) {
    const rows: InvoiceTemplateRow[] = await this.writer.query(
      `INSERT INTO invoice_templates (vendor_name, keywords, fields, options, source, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (lower(vendor_name), source) DO NOTHING RETURNING *`,
      [template.vendor_name, template.keywords, template.fields, template.options, source, createdBy],
    );
    return rows[0];
  }

  /** 'missing' when there is no such template, 'conflict' when the new vendor name is taken by another. */
  async replace(templateId: string, template: TemplateWrite): Promise<InvoiceTemplateRow | 'missing' | 'conflict'> {
    const rows: InvoiceTemplateRow[] = await this.writer.query(
      `WITH current AS (SELECT source FROM invoice_templates WHERE template_id = $1),
            taken AS (SELECT 1 FROM invoice_templates t, current c
                       WHERE lower(t.vendor_name) = lower($2) AND t.source = c.source AND t.template_id <> $1),
            replaced AS (
              UPDATE invoice_templates SET vendor_name = $2, keywords = $3, fields = $4, options = $5, updated_at = now()
               WHERE template_id = $1 AND NOT EXISTS (SELECT 1 FROM taken)
              RETURNING *)
       SELECT * FROM replaced`,
      [templateId, template.vendor_name, template.keywords, template.fields, template.options],
    );
    if (rows[0]) return rows[0];
    return (await this.get(templateId)) ? 'conflict' : 'missing';
  }

  async delete(templateId: string): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `WITH deleted AS (DELETE FROM invoice_templates WHERE template_id = $1 RETURNING template_id) SELECT * FROM deleted`,
      [templateId],
    );
    return rows.length > 0;
  }

  /** The vendor's learned template, locked for the review transaction that will change it. */
  async learnedForUpdate(tx: Queryable, vendorName: string): Promise<InvoiceTemplateRow | undefined> {
    const rows: InvoiceTemplateRow[] = await tx.query(
      `SELECT * FROM invoice_templates WHERE lower(vendor_name) = lower($1) AND source = 'LEARNED' FOR UPDATE`,
      [vendorName],
    );
    return rows[0];
  }

  /** Writes the vendor's learned template (creating it on first correction) and counts the correction. */
  async saveLearned(tx: Queryable, template: TemplateWrite): Promise<InvoiceTemplateRow> {
    const rows: InvoiceTemplateRow[] = await tx.query(
      `INSERT INTO invoice_templates (vendor_name, keywords, fields, options, source, corrections_applied, created_by)
       VALUES ($1, $2, $3, $4, 'LEARNED', 1, 'review')
       ON CONFLICT (lower(vendor_name), source) DO UPDATE
         SET keywords = EXCLUDED.keywords, fields = EXCLUDED.fields, options = EXCLUDED.options,
             corrections_applied = invoice_templates.corrections_applied + 1, updated_at = now()
       RETURNING *`,
      [template.vendor_name, template.keywords, template.fields, template.options],
    );
    return rows[0];
  }
}
