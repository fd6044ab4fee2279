import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '../../../core/http/page.dto.js';
import type { AlertRow } from '../../../state/repositories/monitoring-alerts.repository.js';
import { AlertRule, AlertSeverity } from '../alert-rules.js';

export class AlertDto {
  @ApiProperty({ type: 'integer', example: 42 }) alert_id: number;
  @ApiProperty({ enum: AlertRule, example: AlertRule.ModuleUnhealthy }) rule: string;
  @ApiProperty({ example: 'OcrModule', description: "A module name, an instance id, or 'fleet'" }) subject: string;
  @ApiProperty({ enum: AlertSeverity, example: AlertSeverity.Warning }) severity: string;
  @ApiProperty({ enum: ['FIRING', 'RESOLVED'], example: 'FIRING' }) state: string;
  @ApiProperty({ example: 'module OcrModule is UNHEALTHY: out of routing' }) message: string;
  @ApiProperty({ example: 812.5, description: 'The measured figure when it fired (1 for a state such as OPEN)' })
  value: number;
  @ApiProperty({ example: 500 }) threshold: number;
  @ApiProperty({ example: '2026-11-23T09:00:00.000Z' }) fired_at: string;
  @ApiProperty({ nullable: true, type: String, example: null }) resolved_at: string | null;
  @ApiProperty({ example: '2026-11-23T09:05:00.000Z' }) last_evaluated_at: string;

  static of(row: AlertRow): AlertDto {
    return {
      alert_id: Number(row.alert_id),
      rule: row.rule,
      subject: row.subject,
      severity: row.severity,
      state: row.state,
      message: row.message,
      value: Number(row.value),
      threshold: Number(row.threshold),
      fired_at: row.fired_at.toISOString(),
      resolved_at: row.resolved_at?.toISOString() ?? null,
      last_evaluated_at: row.last_evaluated_at.toISOString(),
    };
  }
}

export class AlertPageDto extends PageDto<AlertDto> {
  @ApiProperty({ type: AlertDto, isArray: true }) items: AlertDto[];
}
