import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RuleConditions } from '../rules/rule-conditions.js';
import type { RuleMode } from '../rules/rule-set.js';

export interface EmailRuleRow {
  rule_id: string;
  name: string;
  position: number;
  conditions: RuleConditions;
  class_name: string;
  mode: RuleMode;
  enabled: boolean;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface EmailRuleWrite {
  name: string;
  position: number;
  conditions: RuleConditions;
  class_name: string;
  mode: RuleMode;
  enabled: boolean;
}

const COLUMNS =
  'rule_id, name, position, conditions, class_name, mode::text AS mode, enabled, created_by, created_at, updated_at';

/** Classification rules, in the order they are consulted. */
@Injectable()
export class EmailRulesRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  // UPDATE and DELETE run inside CTEs: TypeORM answers a bare UPDATE or DELETE with [rows, count].

  /** Every rule (enabled or not) by position, then name: the order the classifier consults them in. */
  all(limit: number): Promise<EmailRuleRow[]> {
    return this.writer.query(`SELECT ${COLUMNS} FROM email_rules ORDER BY position, lower(name) LIMIT $1`, [limit]);
  }

  async count(): Promise<number> {
    const rows: Array<{ n: number }> = await this.writer.query(`SELECT count(*)::int AS n FROM email_rules`);
    return rows[0].n;
  }

  async get(ruleId: string): Promise<EmailRuleRow | undefined> {
    const rows: EmailRuleRow[] = await this.writer.query(`SELECT ${COLUMNS} FROM email_rules WHERE rule_id = $1`, [
      ruleId,
    ]);
    return rows[0];
  }

  /** Undefined when the name is taken (the unique index, case-insensitive). */
  async insert(rule: EmailRuleWrite, createdBy: string | null): Promise<EmailRuleRow | undefined> {
    const rows: EmailRuleRow[] = await this.writer.query(
      `INSERT INTO email_rules (name, position, conditions, class_name, mode, enabled, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (lower(name)) DO NOTHING RETURNING ${COLUMNS}`,
      [rule.name, rule.position, rule.conditions, rule.class_name, rule.mode, rule.enabled, createdBy],
    );
    return rows[0];
  }

  /** 'missing' when there is no such rule, 'conflict' when another rule has the new name. */
  async update(ruleId: string, rule: EmailRuleWrite): Promise<EmailRuleRow | 'missing' | 'conflict'> {
    const rows: EmailRuleRow[] = await this.writer.query(
      `WITH taken AS (SELECT 1 FROM email_rules WHERE lower(name) = lower($2) AND rule_id <> $1),
            updated AS (
              UPDATE email_rules SET name = $2, position = $3, conditions = $4, class_name = $5, mode = $6,
                     enabled = $7, updated_at = now()
               WHERE rule_id = $1 AND NOT EXISTS (SELECT 1 FROM taken)
              RETURNING ${COLUMNS})
       SELECT * FROM updated`,
      [ruleId, rule.name, rule.position, rule.conditions, rule.class_name, rule.mode, rule.enabled],
    );
    if (rows[0]) return rows[0];
    return (await this.get(ruleId)) ? 'conflict' : 'missing';
  }

  async delete(ruleId: string): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `WITH deleted AS (DELETE FROM email_rules WHERE rule_id = $1 RETURNING rule_id) SELECT * FROM deleted`,
      [ruleId],
    );
    return rows.length > 0;
  }
}
