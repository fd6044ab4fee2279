import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';

export const ALERT_STATE_FILTERS = ['firing', 'resolved', 'all'] as const;
export type AlertStateFilter = (typeof ALERT_STATE_FILTERS)[number];

export class ListAlertsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ALERT_STATE_FILTERS, default: 'all', description: 'firing, resolved or all' })
  @IsOptional()
  @IsIn(ALERT_STATE_FILTERS)
  state?: AlertStateFilter;
}
