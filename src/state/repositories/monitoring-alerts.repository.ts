import { Injectable } from '@nestjs/common';
import { EVENT_CATALOGUE, EventType, eventTypeSql } from '../../core/events/event-catalogue.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../data-source.js';
import { type Keyed, keysetAt } from './keyset.js';

export type AlertState = 'FIRING' | 'RESOLVED';

export interface AlertRow {
  alert_id: string;
  rule: string;
  subject: string;
  severity: string;
  message: string;
  /** NUMERIC: pg returns it as text. */
  value: string;
  threshold: string;
  state: AlertState;
  fired_at: Date;
  resolved_at: Date | null;
  last_evaluated_at: Date;
  details: Record<string, unknown>;
}

/** A condition that holds now. */
export interface HoldingCondition {
  rule: string;
  subject: string;
  severity: string;
  message: string;
  value: number;
  threshold: number;
  details: Record<string, unknown>;
}

/** What one evaluation judged: its rules (for one subject, or all) and which of their conditions hold. */
export interface AlertEvaluation {
  rules: string[];
  /** Only this subject's alerts of those rules were judged; unset: every subject's. */
  subject?: string;
  holding: HoldingCondition[];
  /** Rules judged without enough samples: their FIRING alerts are kept (and touched), not resolved. */
  unjudged?: string[];
  cooldownSeconds: number;
  /** Rules whose subject is a module: their events carry it as module_name. */
  moduleRules: string[];
  /** Also resolve FIRING alerts of these rules that nobody has evaluated for this long (their instance is gone). */
  stale?: { rules: string[]; afterSeconds: number };
}

export interface AlertChange {
  event_type: EventType.AlertFired | EventType.AlertResolved;
  alert_id: string;
  rule: string;
  subject: string;
}

export interface AlertListFilter {
  state?: AlertState;
  before?: { firedAt: string; alertId: string };
  limit: number;
}

@Injectable()
export class MonitoringAlertsRepository {
  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
  ) {}

  /**
   * Applies one evaluation in one statement, so alert rows and their outbox events commit
   * together: a holding condition with no FIRING alert fires unless its (rule, subject) fired
   * within the cool-down; one that is FIRING only has last_evaluated_at moved; a FIRING alert of
   * the judged rules whose condition is not holding is resolved. ON CONFLICT on the partial unique
   * index makes a concurrent evaluation on another instance a no-op instead of a duplicate.
   */
  async apply(evaluation: AlertEvaluation): Promise<AlertChange[]> {
    const column = <K extends keyof HoldingCondition>(key: K) => evaluation.holding.map((c) => c[key]);
    return this.writer.query(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::jsonb[])
           AS i(rule, subject, severity, message, value, threshold, details)
       ), touched AS (
         UPDATE monitoring_alerts a SET last_evaluated_at = now()
          WHERE a.state = 'FIRING'
            AND (EXISTS (SELECT 1 FROM input i WHERE a.rule = i.rule AND a.subject = i.subject)
                 OR (a.rule = ANY($14::text[]) AND a.subject = $9))
         RETURNING a.alert_id
       ), resolved AS (
         UPDATE monitoring_alerts a SET state = 'RESOLVED', resolved_at = now(), last_evaluated_at = now()
          WHERE a.state = 'FIRING'
            AND ((a.rule = ANY($8::text[]) AND NOT a.rule = ANY($14::text[]) AND ($9::text IS NULL OR a.subject = $9)
                  AND NOT EXISTS (SELECT 1 FROM input i WHERE i.rule = a.rule AND i.subject = a.subject))
                 OR (a.rule = ANY($12::text[]) AND a.last_evaluated_at < now() - make_interval(secs => $13)))
         RETURNING a.*
       ), fired AS (
         INSERT INTO monitoring_alerts (rule, subject, severity, message, value, threshold, details)
         SELECT i.rule, i.subject, i.severity, i.message, i.value, i.threshold, i.details FROM input i
          WHERE NOT EXISTS (
            SELECT 1 FROM monitoring_alerts p
             WHERE p.rule = i.rule AND p.subject = i.subject
               AND (p.state = 'FIRING' OR p.fired_at > now() - make_interval(secs => $10)))
         ON CONFLICT (rule, subject) WHERE state = 'FIRING' DO NOTHING
         RETURNING *
       ), changes AS (
         SELECT ${eventTypeSql(EventType.AlertFired)} AS event_type, ${EVENT_CATALOGUE[EventType.AlertFired].version} AS event_version, f.*
           FROM fired f
         UNION ALL
         SELECT ${eventTypeSql(EventType.AlertResolved)} AS event_type, ${EVENT_CATALOGUE[EventType.AlertResolved].version} AS event_version, r.*
           FROM resolved r
       ), written AS (
         INSERT INTO events (event_type, event_version, module_name, payload)
         SELECT c.event_type, c.event_version, CASE WHEN c.rule = ANY($11::text[]) THEN c.subject END,
                jsonb_build_object('alert_id', c.alert_id, 'rule', c.rule, 'subject', c.subject, 'severity', c.severity,
                                   'state', c.state, 'message', c.message, 'value', c.value, 'threshold', c.threshold,
                                   'fired_at', c.fired_at, 'resolved_at', c.resolved_at, 'details', c.details)
           FROM changes c
       )
       SELECT event_type, alert_id::text AS alert_id, rule, subject FROM changes ORDER BY event_type, rule, subject`,
      [
        column('rule'),
        column('subject'),
        column('severity'),
        column('message'),
        column('value'),
        column('threshold'),
        evaluation.holding.map((c) => JSON.stringify(c.details)),
        evaluation.rules,
        evaluation.subject ?? null,
        evaluation.cooldownSeconds,
        evaluation.moduleRules,
        evaluation.stale?.rules ?? [],
        evaluation.stale?.afterSeconds ?? 0,
        evaluation.unjudged ?? [],
      ],
    );
  }

  /** Newest first, by (fired_at, alert_id). */
  find(filter: AlertListFilter): Promise<Array<AlertRow & Keyed>> {
    const params: unknown[] = [filter.state ?? null];
    let keyset = '';
    if (filter.before) {
      params.push(filter.before.firedAt, filter.before.alertId);
      keyset = 'AND (fired_at, alert_id) < ($2, $3::bigint)';
    }
    params.push(filter.limit);
    return this.reader.query(
      `SELECT alert_id::text AS alert_id, rule, subject, severity, message, value::text AS value,
              threshold::text AS threshold, state, fired_at, resolved_at, last_evaluated_at, details,
              ${keysetAt('fired_at')}
         FROM monitoring_alerts
        WHERE ($1::text IS NULL OR state = $1) ${keyset}
        ORDER BY fired_at DESC, alert_id DESC
        LIMIT $${params.length}`,
      params,
    );
  }
}
