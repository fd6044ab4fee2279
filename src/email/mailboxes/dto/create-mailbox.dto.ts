import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { HOST_MAX_LENGTH } from '../mailbox-host-policy.js';
import {
  AFTER_PROCESSING,
  type AfterProcessing,
  AUTH_METHODS,
  type AuthMethod,
  MAILBOX_STATUSES,
  type MailboxStatus,
} from '../mailbox.types.js';

export const MAILBOX_LIMITS = {
  name: 100,
  username: 255,
  password: 1_024,
  accessToken: 8_192,
  /** email_mailboxes.folder and move_to are VARCHAR(255). */
  folder: 255,
} as const;

// Nothing a client sends reaches an IMAP command line with a CR or LF in it (command injection),
// nor a log line with other control characters.
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const NO_CONTROL = /^[^\u0000-\u001f\u007f]+$/;
/** A folder name: no control characters, no IMAP LIST wildcards. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const FOLDER_PATTERN = /^[^\u0000-\u001f\u007f*%]+$/;
/** A bearer token: printable ASCII without spaces (RFC 6750 b64token and more). */
const TOKEN = /^[\x21-\x7e]+$/;
const noControl = (field: string) => ({ message: `${field} may not hold control characters (CR, LF, NUL ...)` });

/**
 * The settings POST and PATCH share, each optional: absent keeps the default (in PATCH, the value)
 * and null is refused (move_to excepted: null clears it). Each DTO declares the ones it requires.
 */
export class MailboxSettingsDto {
  @ApiPropertyOptional({ default: true, description: 'TLS from the start (IMAPS); false: STARTTLS when offered' })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  secure?: boolean;

  @ApiPropertyOptional({ enum: AUTH_METHODS, default: 'password' })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(AUTH_METHODS)
  auth_method?: AuthMethod;

  @ApiPropertyOptional({
    example: 'correct horse battery staple',
    maxLength: MAILBOX_LIMITS.password,
    description: 'auth_method password: sealed at rest, never shown again',
    writeOnly: true,
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MaxLength(MAILBOX_LIMITS.password)
  @Matches(NO_CONTROL, noControl('password'))
  password?: string;

  @ApiPropertyOptional({
    example: 'ya29.a0AfH6SMB...',
    maxLength: MAILBOX_LIMITS.accessToken,
    description: 'auth_method oauth2 (XOAUTH2): sealed at rest, never shown again',
    writeOnly: true,
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MaxLength(MAILBOX_LIMITS.accessToken)
  @Matches(TOKEN, { message: 'access_token must be printable ASCII without spaces' })
  access_token?: string;

  @ApiPropertyOptional({ example: 'INBOX', default: 'INBOX', maxLength: MAILBOX_LIMITS.folder })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MaxLength(MAILBOX_LIMITS.folder)
  @Matches(FOLDER_PATTERN, { message: 'folder may not hold control characters nor * or %' })
  folder?: string;

  @ApiPropertyOptional({
    enum: AFTER_PROCESSING,
    default: 'flag',
    description: 'After a message is ingested: flag it \\Seen, move it to move_to, or leave it',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(AFTER_PROCESSING)
  after_processing?: AfterProcessing;

  @ApiPropertyOptional({
    example: 'Processed',
    nullable: true,
    maxLength: MAILBOX_LIMITS.folder,
    description: 'Required with after_processing move, refused otherwise',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAILBOX_LIMITS.folder)
  @Matches(FOLDER_PATTERN, { message: 'move_to may not hold control characters nor * or %' })
  move_to?: string | null;

  @ApiPropertyOptional({ enum: MAILBOX_STATUSES, default: 'ACTIVE' })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(MAILBOX_STATUSES)
  status?: MailboxStatus;
}

export class CreateMailboxDto extends MailboxSettingsDto {
  @ApiProperty({ example: 'invoices', maxLength: MAILBOX_LIMITS.name, description: 'Unique, case-insensitively' })
  @IsString()
  @MaxLength(MAILBOX_LIMITS.name)
  @Matches(NO_CONTROL, noControl('name'))
  name: string;

  @ApiProperty({ example: 'imap.example.com', maxLength: HOST_MAX_LENGTH, description: 'A host name or IP address' })
  @IsString()
  @MaxLength(HOST_MAX_LENGTH + 2)
  host: string;

  @ApiProperty({ type: 'integer', example: 993, minimum: 1, maximum: 65535 })
  @IsInt()
  @Min(1)
  @Max(65535)
  port: number;

  @ApiProperty({ example: 'invoices@example.com', maxLength: MAILBOX_LIMITS.username })
  @IsString()
  @MaxLength(MAILBOX_LIMITS.username)
  @Matches(NO_CONTROL, noControl('username'))
  username: string;
}
