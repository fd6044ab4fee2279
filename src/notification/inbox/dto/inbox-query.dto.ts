import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import { AUDIENCE_MESSAGE, AUDIENCE_PATTERN } from '../audience.js';

/** A notification id: a BIGSERIAL, kept within what a JSON number holds exactly. */
const NotificationIdProperty =
  (min = 1) =>
  (target: object, key: string) => {
    const message = `${key} must be an integer from ${min}`;
    Type(() => Number)(target, key);
    IsInt({ message })(target, key);
    Min(min, { message })(target, key);
    Max(Number.MAX_SAFE_INTEGER, { message: `${key} is too large` })(target, key);
  };

export class AudienceQueryDto {
  @ApiPropertyOptional({ example: 'admins', description: 'Whose inbox (default: NOTIFY_ADMIN_AUDIENCE)' })
  @IsOptional()
  @Matches(AUDIENCE_PATTERN, { message: AUDIENCE_MESSAGE })
  audience?: string;
}

export class ListInboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'admins', description: 'Whose inbox (default: NOTIFY_ADMIN_AUDIENCE)' })
  @IsOptional()
  @Matches(AUDIENCE_PATTERN, { message: AUDIENCE_MESSAGE })
  audience?: string;

  @ApiPropertyOptional({ default: false, description: 'Only notifications not read yet' })
  @IsOptional()
  // Query strings are text: only "true" and "false" are booleans here.
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) =>
    obj[key] === 'true' ? true : obj[key] === 'false' ? false : obj[key],
  )
  @IsBoolean({ message: 'unread_only must be true or false' })
  unread_only?: boolean;
}

export class StreamQueryDto {
  @ApiPropertyOptional({ example: 'admins', description: 'Whose notifications (default: NOTIFY_ADMIN_AUDIENCE)' })
  @IsOptional()
  @Matches(AUDIENCE_PATTERN, { message: AUDIENCE_MESSAGE })
  audience?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    example: 1042,
    description:
      'Replay every notification after this id first (for clients that cannot send the Last-Event-ID header; the header wins)',
  })
  @IsOptional()
  @NotificationIdProperty(0)
  last_event_id?: number;
}

export class NotificationIdParamDto {
  @ApiProperty({ type: 'integer', example: 1042 })
  @NotificationIdProperty()
  notification_id: number;
}

export class MarkAllReadDto {
  @ApiProperty({ example: 'admins', description: 'Whose inbox' })
  @Matches(AUDIENCE_PATTERN, { message: AUDIENCE_MESSAGE })
  audience: string;

  @ApiPropertyOptional({
    type: 'integer',
    example: 1042,
    description: 'Only up to this id: what the reader has seen, so a notification that arrives meanwhile stays unread',
  })
  @IsOptional()
  @IsInt({ message: 'up_to_id must be a positive integer' })
  @Min(1, { message: 'up_to_id must be a positive integer' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'up_to_id is too large' })
  up_to_id?: number;
}
