import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../../core/errors/api-problem.decorator.js';
import { Auth } from '../../security/auth.decorator.js';
import { Caller } from '../../security/caller.decorator.js';
import type { Principal } from '../../security/principal.js';
import { Scope } from '../../security/scopes.js';
import { CreateMailboxDto } from './dto/create-mailbox.dto.js';
import { ListMailboxesQueryDto, MailboxIdParamDto } from './dto/list-mailboxes-query.dto.js';
import { MailboxCheckDto, MailboxPageDto, MailboxResponseDto } from './dto/mailbox-response.dto.js';
import { UpdateMailboxDto } from './dto/update-mailbox.dto.js';
import { MailboxesService } from './mailboxes.service.js';

const NOT_FOUND = 'No mailbox by that id';
const NAME_TAKEN = 'Another mailbox has that name';
const REFUSED =
  'A host no IMAP server may be at (link-local, metadata, multicast, reserved), or settings that do not fit together';

@ApiTags('email')
@ApiCommonProblems()
@ApiProblem(400, 'Invalid input (problem+json with the failing fields)')
@Controller('api/v1/email/mailboxes')
export class MailboxesController {
  constructor(private readonly mailboxes: MailboxesService) {}

  @Post()
  @Auth(Scope.EmailWrite)
  @ApiOperation({ summary: 'Watch an IMAP mailbox; its password or token is sealed at rest and never shown' })
  @ApiCreatedResponse({ type: MailboxResponseDto })
  @ApiProblem(409, NAME_TAKEN)
  @ApiProblem(400, REFUSED)
  @ApiBodyProblems()
  create(@Body() dto: CreateMailboxDto, @Caller() caller?: Principal): Promise<MailboxResponseDto> {
    return this.mailboxes.create(dto, caller?.keyId ?? null);
  }

  @Get()
  @Auth(Scope.EmailRead)
  @ApiOperation({ summary: 'List mailboxes, newest first, with their health and checkpoint (cursor pagination)' })
  @ApiOkResponse({ type: MailboxPageDto })
  list(@Query() query: ListMailboxesQueryDto): Promise<MailboxPageDto> {
    return this.mailboxes.list(query);
  }

  @Get(':mailbox_id')
  @Auth(Scope.EmailRead)
  @ApiOperation({ summary: 'One mailbox: settings, health, last error, checkpoint and the instance watching it' })
  @ApiOkResponse({ type: MailboxResponseDto })
  @ApiProblem(404, NOT_FOUND)
  get(@Param() params: MailboxIdParamDto): Promise<MailboxResponseDto> {
    return this.mailboxes.get(params.mailbox_id);
  }

  @Patch(':mailbox_id')
  @Auth(Scope.EmailWrite)
  @ApiOperation({
    summary:
      'Change settings; a new password or token is sealed again; another host, user or folder restarts the checkpoint',
  })
  @ApiOkResponse({ type: MailboxResponseDto })
  @ApiProblem(404, NOT_FOUND)
  @ApiProblem(409, NAME_TAKEN)
  @ApiBodyProblems()
  update(@Param() params: MailboxIdParamDto, @Body() dto: UpdateMailboxDto): Promise<MailboxResponseDto> {
    return this.mailboxes.update(params.mailbox_id, dto);
  }

  @Delete(':mailbox_id')
  @Auth(Scope.EmailWrite)
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop watching and delete a mailbox (its emails and audit stay)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(404, NOT_FOUND)
  async delete(@Param() params: MailboxIdParamDto): Promise<void> {
    await this.mailboxes.delete(params.mailbox_id);
  }

  @Post(':mailbox_id/pause')
  @Auth(Scope.EmailWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'PAUSED: its watcher logs out and lets go of it; the checkpoint is kept' })
  @ApiOkResponse({ type: MailboxResponseDto })
  @ApiProblem(404, NOT_FOUND)
  pause(@Param() params: MailboxIdParamDto): Promise<MailboxResponseDto> {
    return this.mailboxes.setStatus(params.mailbox_id, 'PAUSED');
  }

  @Post(':mailbox_id/resume')
  @Auth(Scope.EmailWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'ACTIVE again: an instance takes it and catches up from the checkpoint' })
  @ApiOkResponse({ type: MailboxResponseDto })
  @ApiProblem(404, NOT_FOUND)
  resume(@Param() params: MailboxIdParamDto): Promise<MailboxResponseDto> {
    return this.mailboxes.setStatus(params.mailbox_id, 'ACTIVE');
  }

  @Post(':mailbox_id/check')
  @Auth(Scope.EmailWrite)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Connect now (read-only) and answer what the folder holds against the checkpoint, or the error',
  })
  @ApiOkResponse({ type: MailboxCheckDto })
  @ApiProblem(404, NOT_FOUND)
  check(@Param() params: MailboxIdParamDto): Promise<MailboxCheckDto> {
    return this.mailboxes.check(params.mailbox_id);
  }
}
