import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { HOST_MAX_LENGTH } from '../mailbox-host-policy.js';
import { MAILBOX_LIMITS, MailboxSettingsDto, NO_CONTROL } from './create-mailbox.dto.js';

/**
 * Absent fields keep their value. A new password or access token is sealed again; changing the
 * host, port, user or folder points the mailbox at other messages, so its checkpoint starts over.
 */
export class UpdateMailboxDto extends MailboxSettingsDto {
  @ApiPropertyOptional({ example: 'invoices-eu', maxLength: MAILBOX_LIMITS.name })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MaxLength(MAILBOX_LIMITS.name)
  @Matches(NO_CONTROL, { message: 'name may not hold control characters (CR, LF, NUL ...)' })
  name?: string;

  @ApiPropertyOptional({ example: 'imap.example.com', maxLength: HOST_MAX_LENGTH })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MaxLength(HOST_MAX_LENGTH + 2)
  host?: string;

  @ApiPropertyOptional({ type: 'integer', example: 993, minimum: 1, maximum: 65535 })
  @ValidateIf((_, value) => value !== undefined)
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @ApiPropertyOptional({ example: 'invoices@example.com', maxLength: MAILBOX_LIMITS.username })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MaxLength(MAILBOX_LIMITS.username)
  @Matches(NO_CONTROL, { message: 'username may not hold control characters (CR, LF, NUL ...)' })
  username?: string;
}
