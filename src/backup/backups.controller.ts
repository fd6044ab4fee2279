import { Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommonProblems, ApiProblem } from '../core/errors/api-problem.decorator.js';
import { DomainException } from '../core/errors/domain.exception.js';
import { paginate } from '../core/http/keyset-pagination.js';
import { PageQueryDto } from '../core/http/page-query.dto.js';
import { Auth } from '../security/auth.decorator.js';
import { Caller } from '../security/caller.decorator.js';
import type { Principal } from '../security/principal.js';
import { Scope } from '../security/scopes.js';
import { BackupLogRepository } from '../state/repositories/backup-log.repository.js';
import { BackupErrorCode } from './backup.errors.js';
import { BackupService } from './backup.service.js';
import { BackupDto, BackupIdParamDto, BackupPageDto } from './dto/backup.dto.js';

@ApiTags('backups')
@Auth(Scope.Admin)
@ApiCommonProblems()
@Controller('api/v1/backups')
export class BackupsController {
  constructor(
    private readonly backups: BackupService,
    private readonly log: BackupLogRepository,
  ) {}

  @Post()
  @HttpCode(202)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Run a full backup now (pg_dump -Fc, or the PGlite data folder), verified by a restore drill',
    description: 'Answers at once with the RUNNING backup; poll its Location until SUCCEEDED or FAILED.',
  })
  @ApiAcceptedResponse({ type: BackupDto })
  @ApiProblem(409, 'A backup is already running (on this or another instance)')
  @ApiProblem(503, 'Backups cannot run here (pg_dump missing or older than the server)')
  async run(
    @Caller() caller: Principal | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BackupDto> {
    const { row } = await this.backups.start('manual', caller?.prefix ?? null);
    void reply.header('Location', `/api/v1/backups/${row.backup_id}`);
    return BackupDto.of(row);
  }

  @Get()
  @ApiOperation({ summary: 'Backups, newest first: file, size, duration, checksum, verification' })
  @ApiOkResponse({ type: BackupPageDto })
  @ApiProblem(400, 'A bad limit or cursor')
  list(@Query() query: PageQueryDto): Promise<BackupPageDto> {
    return paginate(
      {
        fetch: (before, limit) => this.log.find(before, limit),
        keyOf: (row) => ({ at: row.keyset_at, id: row.backup_id }),
        toItem: BackupDto.of,
        idPattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
  }

  @Get(':backup_id')
  @ApiOperation({ summary: 'One backup' })
  @ApiOkResponse({ type: BackupDto })
  @ApiProblem(400, 'backup_id is not a UUID')
  @ApiProblem(404, 'No such backup')
  async get(@Param() params: BackupIdParamDto): Promise<BackupDto> {
    const row = await this.log.get(params.backup_id);
    if (!row) throw new DomainException(BackupErrorCode.BackupNotFound, `No backup ${params.backup_id}.`);
    return BackupDto.of(row);
  }
}
