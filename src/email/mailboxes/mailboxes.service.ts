import { Injectable } from '@nestjs/common';
import { DomainException } from '../../core/errors/domain.exception.js';
import { paginate } from '../../core/http/keyset-pagination.js';
import { SecretBox } from '../../security/secret-box.js';
import type { CreateMailboxDto } from './dto/create-mailbox.dto.js';
import type { AfterProcessing, AuthMethod, MailboxStatus } from './mailbox.types.js';
import type { ListMailboxesQueryDto } from './dto/list-mailboxes-query.dto.js';
import { type MailboxCheckDto, type MailboxPageDto, MailboxResponseDto } from './dto/mailbox-response.dto.js';
import type { UpdateMailboxDto } from './dto/update-mailbox.dto.js';
import { MailboxChecker } from './mailbox-checker.service.js';
import { checkMailboxHost } from './mailbox-host-policy.js';
import { MailboxSignals } from './mailbox-signals.js';
import { MailboxSupervisor } from './mailbox-supervisor.service.js';
import { type MailboxChanges, type MailboxRow, MailboxesRepository } from './mailboxes.repository.js';
import { MailboxErrorCode, mailboxNameTaken, mailboxNotFound } from './mailboxes.errors.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalid = (detail: string) => new DomainException(MailboxErrorCode.MailboxSettingsInvalid, detail);

const isUniqueViolation = (error: unknown) =>
  (error as { code?: unknown }).code === '23505' ||
  (error as { driverError?: { code?: unknown } }).driverError?.code === '23505';

/** Mailboxes over REST: every change checked as a whole before anything is written. */
@Injectable()
export class MailboxesService {
  constructor(
    private readonly repository: MailboxesRepository,
    private readonly secrets: SecretBox,
    private readonly checker: MailboxChecker,
    private readonly signals: MailboxSignals,
    private readonly supervisor: MailboxSupervisor,
  ) {}

  async create(dto: CreateMailboxDto, createdBy: string | null): Promise<MailboxResponseDto> {
    const authMethod = dto.auth_method ?? 'password';
    const secret = secretFor(authMethod, dto);
    if (secret === undefined) throw invalid(missingSecret(authMethod));
    const folder = dto.folder ?? 'INBOX';
    const after = dto.after_processing ?? 'flag';
    const moveTo = checkMoveTo(after, dto.move_to ?? null, folder, true);
    const row = await this.unique(dto.name, () =>
      this.repository.insert({
        name: dto.name,
        host: host(dto.host),
        port: dto.port,
        secure: dto.secure ?? true,
        username: dto.username,
        auth_method: authMethod,
        secret_sealed: this.secrets.seal(secret),
        folder,
        after_processing: after,
        move_to: moveTo,
        status: dto.status ?? 'ACTIVE',
        created_by: createdBy,
      }),
    );
    this.signals.changed();
    return MailboxResponseDto.of(row);
  }

  list(query: ListMailboxesQueryDto): Promise<MailboxPageDto> {
    return paginate(
      {
        fetch: (before, limit) => this.repository.list({ status: query.status, health: query.health, before, limit }),
        keyOf: (row) => ({ at: row.keyset_at, id: row.mailbox_id }),
        toItem: (row) => MailboxResponseDto.of(row),
        idPattern: UUID_PATTERN,
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
  }

  async get(id: string): Promise<MailboxResponseDto> {
    return MailboxResponseDto.of(await this.find(id));
  }

  /**
   * Absent fields keep their value. A new password or token is sealed again; a new auth method
   * needs its secret. Pointing at another server, user or folder starts the checkpoint over.
   */
  async update(id: string, dto: UpdateMailboxDto): Promise<MailboxResponseDto> {
    const current = await this.find(id);
    const authMethod: AuthMethod = dto.auth_method ?? current.auth_method;
    const secret = secretFor(authMethod, dto);
    if (secret === undefined && authMethod !== current.auth_method) throw invalid(missingSecret(authMethod));
    const folder = dto.folder ?? current.folder;
    const after: AfterProcessing = dto.after_processing ?? current.after_processing;
    const explicit = dto.move_to !== undefined;
    const moveTo = checkMoveTo(after, explicit ? (dto.move_to ?? null) : current.move_to, folder, explicit);
    const changes: MailboxChanges = {
      name: dto.name,
      host: dto.host === undefined ? undefined : host(dto.host),
      port: dto.port,
      secure: dto.secure,
      username: dto.username,
      auth_method: dto.auth_method,
      secret_sealed: secret === undefined ? undefined : this.secrets.seal(secret),
      folder: dto.folder,
      after_processing: dto.after_processing,
      move_to: moveTo === current.move_to ? undefined : moveTo,
      status: dto.status,
    };
    changes.reset_checkpoint =
      (changes.host !== undefined && changes.host !== current.host) ||
      (changes.port !== undefined && changes.port !== current.port) ||
      (changes.username !== undefined && changes.username !== current.username) ||
      (changes.folder !== undefined && changes.folder !== current.folder);
    const row = await this.unique(dto.name ?? current.name, () => this.repository.update(id, changes));
    if (!row) throw mailboxNotFound(id);
    this.signals.changed();
    return MailboxResponseDto.of(row);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) throw mailboxNotFound(id);
    this.signals.changed();
  }

  async setStatus(id: string, status: MailboxStatus): Promise<MailboxResponseDto> {
    const row = await this.repository.setStatus(id, status);
    if (!row) throw mailboxNotFound(id);
    this.signals.changed();
    return MailboxResponseDto.of(row);
  }

  /** Connects now and says what it found; when mail is waiting, this instance's watcher (if any) searches at once. */
  async check(id: string): Promise<MailboxCheckDto> {
    const result = await this.checker.check(await this.find(id));
    if (result.pending) this.supervisor.poke(id);
    return result;
  }

  private async find(id: string): Promise<MailboxRow> {
    const row = await this.repository.findById(id);
    if (!row) throw mailboxNotFound(id);
    return row;
  }

  private async unique<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw mailboxNameTaken(name);
      throw error;
    }
  }
}

/** The secret the auth method uses, when given; giving the other method's is refused. */
function secretFor(method: AuthMethod, dto: { password?: string; access_token?: string }): string | undefined {
  const [mine, other] = method === 'password' ? [dto.password, dto.access_token] : [dto.access_token, dto.password];
  if (other !== undefined) {
    throw invalid(`auth_method ${method} takes ${method === 'password' ? 'password' : 'access_token'} only`);
  }
  return mine;
}

const missingSecret = (method: AuthMethod) =>
  `auth_method ${method} needs ${method === 'password' ? 'password' : 'access_token'}`;

function host(raw: string): string {
  const checked = checkMailboxHost(raw);
  if (!checked.ok) throw new DomainException(MailboxErrorCode.MailboxHostRefused, checked.reason);
  return checked.host;
}

/**
 * move_to is required with `move` and must differ from the folder; with another action it is
 * refused when sent (`explicit`), and a target kept from an earlier `move` is dropped.
 */
function checkMoveTo(after: AfterProcessing, moveTo: string | null, folder: string, explicit: boolean): string | null {
  if (after === 'move') {
    if (!moveTo) throw invalid('after_processing move needs move_to');
    if (moveTo === folder) throw invalid('move_to must differ from folder');
    return moveTo;
  }
  if (explicit && moveTo) throw invalid('move_to is only for after_processing move');
  return null;
}
