import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import { MAILBOX_HEALTH, MAILBOX_STATUSES, type MailboxHealth, type MailboxStatus } from '../mailbox.types.js';

export class ListMailboxesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MAILBOX_STATUSES })
  @IsOptional()
  @IsIn(MAILBOX_STATUSES)
  status?: MailboxStatus;

  @ApiPropertyOptional({ enum: MAILBOX_HEALTH })
  @IsOptional()
  @IsIn(MAILBOX_HEALTH)
  health?: MailboxHealth;
}

export class MailboxIdParamDto {
  @ApiProperty({ format: 'uuid', example: '0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f' })
  @IsUUID('all', { message: 'mailbox_id must be a UUID' })
  mailbox_id: string;
}
