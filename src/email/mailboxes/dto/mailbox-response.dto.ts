import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '../../../core/http/page.dto.js';
import type { MailboxRow } from '../mailboxes.repository.js';
import {
  AFTER_PROCESSING,
  type AfterProcessing,
  AUTH_METHODS,
  type AuthMethod,
  MAILBOX_HEALTH,
  MAILBOX_STATUSES,
  type MailboxHealth,
  type MailboxStatus,
} from '../mailbox.types.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export class MailboxCheckpointDto {
  @ApiProperty({ nullable: true, type: 'integer', example: 1796223746, description: 'Null until first connected' })
  uid_validity: number | null;
  @ApiProperty({ type: 'integer', example: 42, description: 'Every message up to this UID was taken in' })
  last_uid: number;
}

export class MailboxWatcherDto {
  @ApiProperty({ example: 'bf-1:4242:3f9a1c2b', description: 'The instance watching it' })
  instance: string;
  @ApiProperty({ example: '2026-11-22T10:00:30.000Z', description: 'Another instance takes over after this' })
  lease_until: string;
}

/** A mailbox as the API shows it: never its password or token, only whether one is stored. */
export class MailboxResponseDto {
  @ApiProperty({ format: 'uuid', example: '0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f' }) mailbox_id: string;
  @ApiProperty({ example: 'invoices' }) name: string;
  @ApiProperty({ example: 'imap.example.com' }) host: string;
  @ApiProperty({ type: 'integer', example: 993 }) port: number;
  @ApiProperty({ example: true }) secure: boolean;
  @ApiProperty({ example: 'invoices@example.com' }) username: string;
  @ApiProperty({ enum: AUTH_METHODS, example: 'password' }) auth_method: AuthMethod;
  @ApiProperty({ example: true, description: 'A password or token is stored (sealed; never shown)' })
  has_secret: boolean;
  @ApiProperty({ example: 'INBOX' }) folder: string;
  @ApiProperty({ enum: AFTER_PROCESSING, example: 'flag' }) after_processing: AfterProcessing;
  @ApiProperty({ nullable: true, type: String, example: null }) move_to: string | null;
  @ApiProperty({ enum: MAILBOX_STATUSES, example: 'ACTIVE' }) status: MailboxStatus;
  @ApiProperty({
    enum: MAILBOX_HEALTH,
    example: 'HEALTHY',
    description: 'HEALTHY once connected; DEGRADED at a failure; UNHEALTHY after EMAIL_UNHEALTHY_AFTER_SECONDS failing',
  })
  health: MailboxHealth;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'The last connection failure (no secrets)' })
  last_error: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-22T10:00:00.000Z' }) last_connected_at: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-22T10:00:00.000Z', description: 'Last search' })
  last_checked_at: string | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'First failure since the last connect' })
  failing_since: string | null;
  @ApiProperty({ type: MailboxCheckpointDto }) checkpoint: MailboxCheckpointDto;
  @ApiProperty({
    type: MailboxWatcherDto,
    nullable: true,
    description: 'The instance holding its lease now; null: nobody watches it (paused, or no instance took it)',
  })
  watcher: MailboxWatcherDto | null;
  @ApiProperty({ nullable: true, type: String, example: 'key_3f9a1c2b' }) created_by: string | null;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) updated_at: string;

  static of(row: MailboxRow): MailboxResponseDto {
    const leased = row.leased_by !== null && row.lease_until !== null && row.lease_until.getTime() > Date.now();
    return {
      mailbox_id: row.mailbox_id,
      name: row.name,
      host: row.host,
      port: row.port,
      secure: row.secure,
      username: row.username,
      auth_method: row.auth_method,
      has_secret: row.secret_sealed.length > 0,
      folder: row.folder,
      after_processing: row.after_processing,
      move_to: row.move_to,
      status: row.status,
      health: row.health,
      last_error: row.last_error,
      last_connected_at: iso(row.last_connected_at),
      last_checked_at: iso(row.last_checked_at),
      failing_since: iso(row.failing_since),
      checkpoint: {
        uid_validity: row.uid_validity === null ? null : Number(row.uid_validity),
        last_uid: Number(row.last_uid),
      },
      watcher: leased ? { instance: row.leased_by!, lease_until: row.lease_until!.toISOString() } : null,
      created_by: row.created_by,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
    };
  }
}

export class MailboxPageDto extends PageDto<MailboxResponseDto> {
  @ApiProperty({ type: MailboxResponseDto, isArray: true }) items: MailboxResponseDto[];
}

/** What `POST /:id/check` found: the folder's state, or why it could not be reached. */
export class MailboxCheckDto {
  @ApiProperty({ example: true }) ok: boolean;
  @ApiProperty({ type: 'integer', example: 84, description: 'Connect, log in and open the folder (read-only)' })
  latency_ms: number;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Why it failed (no secrets)' })
  error: string | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 1796223746 }) uid_validity: number | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 43 }) uid_next: number | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 12, description: 'Messages in the folder' })
  messages: number | null;
  @ApiProperty({
    nullable: true,
    type: 'integer',
    example: 2,
    description: 'Messages after the checkpoint (all of them when UIDVALIDITY differs): still to be taken in',
  })
  pending: number | null;
  @ApiProperty({ example: false, description: 'The server UIDVALIDITY differs from the checkpoint: a rescan is due' })
  uid_validity_changed: boolean;
  @ApiProperty({ nullable: true, type: Boolean, example: true, description: 'The server offers IDLE (else: polling)' })
  idle: boolean | null;
}
