import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Keyed } from '../../../state/repositories/keyset.js';
import { keysetAt } from '../../../state/repositories/keyset.js';
import type { ClassifierModel } from '../model/classifier-model.js';

export type ModelStatus = 'TRAINING' | 'READY' | 'ACTIVE' | 'RETIRED' | 'FAILED';

/** A version without its weights (which can be megabytes): what lists and checks read. */
export interface ClassifierModelRow {
  version: number;
  status: ModelStatus;
  classes: string[];
  example_count: number;
  metrics: Record<string, unknown> | null;
  error: string | null;
  created_by: string | null;
  created_at: Date;
  trained_at: Date | null;
  activated_at: Date | null;
}

const COLUMNS =
  'version, status::text AS status, classes, example_count, metrics, error, created_by, created_at, trained_at, activated_at';

/** pg_advisory_xact_lock's key for starting a training: one at a time across instances. */
const TRAINING_LOCK = `hashtext('classifier_models.training')`;

@Injectable()
export class ClassifierModelsRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  /**
   * A new TRAINING version, unless one is training already. A TRAINING row older than `staleMs` is
   * an instance that stopped mid-training: it is marked FAILED first, so it blocks no one forever.
   */
  startTraining(createdBy: string | null, staleMs: number): Promise<ClassifierModelRow | 'busy'> {
    return this.writer.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${TRAINING_LOCK})`);
      await tx.query(
        `WITH stale AS (
           UPDATE classifier_models SET status = 'FAILED', error = 'abandoned: the instance training it stopped'
            WHERE status = 'TRAINING' AND created_at < now() - make_interval(secs => $1::float8 / 1000)
           RETURNING version)
         SELECT count(*) FROM stale`,
        [staleMs],
      );
      const busy: unknown[] = await tx.query(`SELECT 1 FROM classifier_models WHERE status = 'TRAINING'`);
      if (busy.length > 0) return 'busy';
      const rows: ClassifierModelRow[] = await tx.query(
        `INSERT INTO classifier_models (status, created_by) VALUES ('TRAINING', $1) RETURNING ${COLUMNS}`,
        [createdBy],
      );
      return rows[0];
    });
  }

  async finishReady(
    version: number,
    result: { model: ClassifierModel; metrics: Record<string, unknown>; classes: string[]; example_count: number },
  ): Promise<void> {
    await this.writer.query(
      `WITH done AS (
         UPDATE classifier_models SET status = 'READY', model = $2, metrics = $3, classes = $4, example_count = $5,
                trained_at = now(), error = NULL
          WHERE version = $1 AND status = 'TRAINING' RETURNING version)
       SELECT * FROM done`,
      [version, result.model, result.metrics, result.classes, result.example_count],
    );
  }

  async finishFailed(version: number, error: string, metrics: Record<string, unknown> | null = null): Promise<void> {
    await this.writer.query(
      `WITH done AS (
         UPDATE classifier_models SET status = 'FAILED', error = $2, metrics = COALESCE($3, metrics), trained_at = now()
          WHERE version = $1 AND status = 'TRAINING' RETURNING version)
       SELECT * FROM done`,
      [version, error.slice(0, 2_000), metrics],
    );
  }

  /** Newest first by (created_at, version). */
  list(filter: { before?: { at: string; id: string }; limit: number }): Promise<Array<ClassifierModelRow & Keyed>> {
    const params: unknown[] = [];
    let keyset = '';
    if (filter.before) {
      params.push(filter.before.at, Number(filter.before.id));
      keyset = 'WHERE (created_at, version) < ($1::timestamp, $2::int)';
    }
    params.push(filter.limit);
    return this.writer.query(
      `SELECT ${COLUMNS}, ${keysetAt('created_at')} FROM classifier_models ${keyset}
        ORDER BY created_at DESC, version DESC LIMIT $${params.length}`,
      params,
    );
  }

  async get(version: number): Promise<ClassifierModelRow | undefined> {
    const rows: ClassifierModelRow[] = await this.writer.query(
      `SELECT ${COLUMNS} FROM classifier_models WHERE version = $1`,
      [version],
    );
    return rows[0];
  }

  async active(): Promise<ClassifierModelRow | undefined> {
    const rows: ClassifierModelRow[] = await this.writer.query(
      `SELECT ${COLUMNS} FROM classifier_models WHERE status = 'ACTIVE'`,
    );
    return rows[0];
  }

  async modelOf(version: number): Promise<ClassifierModel | undefined> {
    const rows: Array<{ model: ClassifierModel | null }> = await this.writer.query(
      `SELECT model FROM classifier_models WHERE version = $1`,
      [version],
    );
    return rows[0]?.model ?? undefined;
  }

  /**
   * Makes a READY or RETIRED version the active one, and the active one RETIRED, in one
   * transaction (the unique index allows one ACTIVE). 'missing' or the status that forbids it.
   */
  activate(
    version: number,
    metricsNote?: Record<string, unknown>,
  ): Promise<ClassifierModelRow | 'missing' | ModelStatus> {
    return this.writer.transaction(async (tx) => {
      const found: ClassifierModelRow[] = await tx.query(
        `SELECT ${COLUMNS} FROM classifier_models WHERE version = $1 FOR UPDATE`,
        [version],
      );
      if (!found[0]) return 'missing';
      if (found[0].status !== 'READY' && found[0].status !== 'RETIRED') return found[0].status;
      await tx.query(
        `WITH retired AS (UPDATE classifier_models SET status = 'RETIRED' WHERE status = 'ACTIVE' RETURNING version)
         SELECT * FROM retired`,
      );
      const rows: ClassifierModelRow[] = await tx.query(
        `WITH activated AS (
           UPDATE classifier_models SET status = 'ACTIVE', activated_at = now(),
                  metrics = CASE WHEN $2::jsonb IS NULL THEN metrics ELSE COALESCE(metrics, '{}') || $2::jsonb END
            WHERE version = $1 RETURNING ${COLUMNS})
         SELECT * FROM activated`,
        [version, metricsNote ?? null],
      );
      return rows[0];
    });
  }

  /** Writes a note into a version's metrics (the scheduled retrain's verdict on a version it kept READY). */
  async noteMetrics(version: number, note: Record<string, unknown>): Promise<void> {
    await this.writer.query(
      `WITH noted AS (UPDATE classifier_models SET metrics = COALESCE(metrics, '{}') || $2::jsonb WHERE version = $1 RETURNING version)
       SELECT * FROM noted`,
      [version, note],
    );
  }
}
