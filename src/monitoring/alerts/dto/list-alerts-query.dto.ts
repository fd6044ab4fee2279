import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const ALERT_STATE_FILTERS = ['firing', 'resolved', 'all'] as const;
export type AlertStateFilter = (typeof ALERT_STATE_FILTERS)[number];

export class ListAlertsQueryDto {
  @ApiPropertyOptional({ enum: ALERT_STATE_FILTERS, default: 'all', description: 'firing, resolved or all' })
  @IsOptional()
  @IsIn(ALERT_STATE_FILTERS)
  state?: AlertStateFilter;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'next_cursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
