import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts on the seeds' monitoring thresholds. One row per firing: it is inserted FIRING and later
 * set RESOLVED, never reused, so the table is the alert history. The partial unique index allows
 * one FIRING alert per (rule, subject): instances evaluating at once insert with ON CONFLICT DO
 * NOTHING and never duplicate one. (rule, subject, fired_at) finds the last firing for the cool-down.
 */
export class MonitoringAlerts1764460800000 implements MigrationInterface {
  name = 'MonitoringAlerts1764460800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE monitoring_alerts (
        alert_id BIGSERIAL PRIMARY KEY,
        rule TEXT NOT NULL,
        subject TEXT NOT NULL,
        severity VARCHAR(10) NOT NULL
          CONSTRAINT monitoring_alerts_severity_check CHECK (severity IN ('WARNING', 'CRITICAL')),
        message TEXT NOT NULL,
        value NUMERIC(16,4) NOT NULL,
        threshold NUMERIC(16,4) NOT NULL,
        state VARCHAR(10) NOT NULL DEFAULT 'FIRING'
          CONSTRAINT monitoring_alerts_state_check CHECK (state IN ('FIRING', 'RESOLVED')),
        fired_at TIMESTAMP NOT NULL DEFAULT NOW(),
        resolved_at TIMESTAMP,
        last_evaluated_at TIMESTAMP NOT NULL DEFAULT NOW(),
        details JSONB NOT NULL DEFAULT '{}',
        CONSTRAINT monitoring_alerts_resolved_check CHECK ((state = 'RESOLVED') = (resolved_at IS NOT NULL))
      )`);
    await db.query(
      `CREATE UNIQUE INDEX idx_monitoring_alerts_firing ON monitoring_alerts (rule, subject) WHERE state = 'FIRING'`,
    );
    await db.query(`CREATE INDEX idx_monitoring_alerts_fired ON monitoring_alerts (fired_at, alert_id)`);
    await db.query(`CREATE INDEX idx_monitoring_alerts_last_fired ON monitoring_alerts (rule, subject, fired_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE monitoring_alerts`);
  }
}
