import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { READ_DATA_SOURCE } from '../../../state/data-source.js';
import { type Keyed, keysetAt } from '../../../state/repositories/keyset.js';
import type { EmailTx, TrainingExampleInput } from '../../email.types.js';

export interface ClassifierExampleRow {
  example_id: string;
  label: string;
  content_sha256: string;
  source: TrainingExampleInput['source'];
  email_id: string | null;
  created_by: string | null;
  created_at: Date;
}

// The features text stays in the database: lists do not need it, training reads it apart.
const COLUMNS = 'example_id, label, content_sha256, source::text AS source, email_id, created_by, created_at';

/**
 * Labelled examples, one per email content. A second example for the same content replaces the
 * label; its created_at moves on only when the label changes, so a scheduled retrain sees a
 * correction as something new and a repeated upload as nothing.
 */
const UPSERT_TAIL = `
  ON CONFLICT (content_sha256) DO UPDATE
    SET label = EXCLUDED.label, features = EXCLUDED.features, source = EXCLUDED.source,
        email_id = COALESCE(EXCLUDED.email_id, classifier_examples.email_id),
        created_by = COALESCE(EXCLUDED.created_by, classifier_examples.created_by),
        created_at = CASE WHEN classifier_examples.label = EXCLUDED.label THEN classifier_examples.created_at ELSE now() END
  RETURNING ${COLUMNS}, (xmax = 0) AS created`;
const UPSERT = `
  INSERT INTO classifier_examples (label, content_sha256, features, source, email_id, created_by)
  VALUES ($1, $2, $3, $4, $5, $6) ${UPSERT_TAIL}`;

const paramsOf = (example: TrainingExampleInput) => [
  example.label,
  example.content_sha256,
  example.features,
  example.source,
  example.email_id,
  example.created_by,
];

@Injectable()
export class ClassifierExamplesRepository {
  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
  ) {}

  /**
   * Inserts or relabels inside the caller's transaction (a review's correction). The result is not
   * read: any statement runner will do, whatever shape it answers in (TypeORM's rows, pg's result).
   */
  async upsertIn(tx: EmailTx, example: TrainingExampleInput): Promise<void> {
    await tx.query(UPSERT, paramsOf(example));
  }

  async upsert(
    example: TrainingExampleInput,
    tx: Pick<EntityManager, 'query'> = this.writer,
  ): Promise<{ row: ClassifierExampleRow; created: boolean }> {
    const rows: Array<ClassifierExampleRow & { created: boolean }> = await tx.query(UPSERT, paramsOf(example));
    const { created, ...row } = rows[0];
    return { row, created };
  }

  /**
   * All of them or none, in one statement. Examples with the same content in one batch are one
   * row: the last one's label wins, and each of them answers with that row.
   */
  async upsertMany(examples: TrainingExampleInput[]): Promise<Array<{ row: ClassifierExampleRow; created: boolean }>> {
    const unique = [...new Map(examples.map((e) => [e.content_sha256, e])).values()];
    const column = <K extends keyof TrainingExampleInput>(key: K) => unique.map((e) => e[key]);
    const rows: Array<ClassifierExampleRow & { created: boolean }> = await this.writer.query(
      `INSERT INTO classifier_examples (label, content_sha256, features, source, email_id, created_by)
       SELECT label, sha, features, source::classifier_example_source_enum, email_id::uuid, created_by
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
              AS e(label, sha, features, source, email_id, created_by)
       ${UPSERT_TAIL}`,
      [
        column('label'),
        column('content_sha256'),
        column('features'),
        column('source'),
        column('email_id'),
        column('created_by'),
      ],
    );
    const bySha = new Map(rows.map(({ created, ...row }) => [row.content_sha256, { row, created }]));
    return examples.map((e) => bySha.get(e.content_sha256)!);
  }

  /** Newest first by (created_at, example_id). */
  list(filter: {
    label?: string;
    before?: { at: string; id: string };
    limit: number;
  }): Promise<Array<ClassifierExampleRow & Keyed>> {
    const params: unknown[] = [filter.label ?? null];
    let keyset = '';
    if (filter.before) {
      params.push(filter.before.at, filter.before.id);
      keyset = 'AND (created_at, example_id) < ($2::timestamp, $3::uuid)';
    }
    params.push(filter.limit);
    return this.reader.query(
      `SELECT ${COLUMNS}, ${keysetAt('created_at')} FROM classifier_examples
        WHERE ($1::text IS NULL OR label = $1) ${keyset}
        ORDER BY created_at DESC, example_id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async countsByLabel(): Promise<Record<string, number>> {
    const rows: Array<{ label: string; n: number }> = await this.writer.query(
      `SELECT label, count(*)::int AS n FROM classifier_examples GROUP BY label ORDER BY label`,
    );
    return Object.fromEntries(rows.map((r) => [r.label, r.n]));
  }

  async delete(exampleId: string): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `WITH deleted AS (DELETE FROM classifier_examples WHERE example_id = $1 RETURNING example_id) SELECT * FROM deleted`,
      [exampleId],
    );
    return rows.length > 0;
  }

  /** What a training run learns from: the newest `limit` examples, in a stable order. */
  forTraining(limit: number): Promise<Array<{ label: string; features: string }>> {
    return this.writer.query(
      `SELECT label, features FROM (
         SELECT label, features, content_sha256 FROM classifier_examples ORDER BY created_at DESC, example_id DESC LIMIT $1
       ) newest ORDER BY content_sha256`,
      [limit],
    );
  }

  /** Whether any example was added or relabelled after the model version began training. */
  async changedSinceModel(version: number): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `SELECT 1 FROM classifier_examples
        WHERE created_at > (SELECT created_at FROM classifier_models WHERE version = $1) LIMIT 1`,
      [version],
    );
    return rows.length > 0;
  }
}
