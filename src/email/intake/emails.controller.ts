import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { ApiCommonProblems, ApiProblem } from '../../core/errors/api-problem.decorator.js';
import { DomainException } from '../../core/errors/domain.exception.js';
import { isBodyStream, readCapped } from '../../core/http/raw-bodies.js';
import { Auth } from '../../security/auth.decorator.js';
import { Caller } from '../../security/caller.decorator.js';
import type { Principal } from '../../security/principal.js';
import { Scope } from '../../security/scopes.js';
import {
  AttachmentParamDto,
  EmailDto,
  EmailIdParamDto,
  EmailPageDto,
  IngestAnswerDto,
  LabelEmailDto,
  ListEmailsQueryDto,
} from './dto/email.dto.js';
import { EmailIngestService } from './email-ingest.service.js';
import { EmailIntakeErrorCode } from './email-intake.errors.js';
import { EmailsService } from './emails.service.js';
import { MboxImport } from './mbox-import.service.js';

const RFC822 = 'message/rfc822';
const MBOX = 'application/mbox';
const NDJSON = 'application/x-ndjson';

const EXAMPLE_LINES = [
  '{"type":"progress","elapsed_ms":1000,"messages":812,"ROBOT_CREATED":700,"NEEDS_REVIEW":90,"NO_ROBOT":20,"REJECTED":2,"DUPLICATE":0}',
  '{"type":"summary","elapsed_ms":1210,"messages":1000,"ROBOT_CREATED":861,"NEEDS_REVIEW":110,"NO_ROBOT":26,"REJECTED":3,"DUPLICATE":0,"refused":[{"index":17,"reason":"not_an_email: no header block"}]}',
].join('\n');

function bodyStream(body: unknown, type: string) {
  if (!isBodyStream(body)) {
    throw Object.assign(new Error(`send the body as ${type}`), {
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
  }
  return body;
}

@ApiTags('emails')
@ApiCommonProblems()
@Controller('api/v1/emails')
export class EmailsController {
  private readonly logger = new Logger(EmailsController.name);

  constructor(
    private readonly ingest: EmailIngestService,
    private readonly imports: MboxImport,
    private readonly emails: EmailsService,
  ) {}

  @Post()
  @HttpCode(201)
  @Auth(Scope.EmailWrite)
  @ApiOperation({
    summary:
      'Take in one raw email (RFC 822): parsed, deduplicated, classified, extracted, and turned into a robot or a review',
  })
  @ApiConsumes(RFC822)
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'the message as received, headers and body' })
  @ApiCreatedResponse({ type: IngestAnswerDto, description: 'Taken in: ROBOT_CREATED, NEEDS_REVIEW or NO_ROBOT' })
  @ApiOkResponse({ type: IngestAnswerDto, description: 'DUPLICATE: taken in before (same Message-ID or content)' })
  @ApiProblem(400, 'An empty body')
  @ApiProblem(413, 'The message is larger than EMAIL_MAX_BYTES')
  @ApiProblem(415, 'The body is not message/rfc822')
  @ApiProblem(422, 'The message was refused (recorded as REJECTED with the reason)')
  async upload(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Caller() caller?: Principal,
  ): Promise<IngestAnswerDto> {
    const raw = await readCapped(bodyStream(request.body, RFC822), this.ingest.maxBytes);
    if (raw === null) {
      void reply.header('Connection', 'close');
      throw new DomainException(
        EmailIntakeErrorCode.MessageTooLarge,
        `The message is larger than ${this.ingest.maxBytes} bytes (EMAIL_MAX_BYTES).`,
      );
    }
    if (raw.length === 0) throw new DomainException(EmailIntakeErrorCode.EmptyBody, 'The body is empty.');
    const result = await this.ingest.ingest(raw, { kind: 'upload', created_by: caller?.keyId ?? null });
    if (result.status === 'REJECTED') {
      throw new DomainException(EmailIntakeErrorCode.Rejected, `The message was refused: ${result.reason}.`, {
        email_id: result.email_id,
      });
    }
    if (result.status === 'DUPLICATE') void reply.status(200);
    if (result.email_id) void reply.header('Location', `/api/v1/emails/${result.email_id}`);
    return result;
  }

  @Post('import')
  @Auth(Scope.EmailWrite)
  @ApiOperation({
    summary:
      'Import an mbox file, streamed: each message is taken in as by POST /emails; progress lines as it goes, a summary last',
  })
  @ApiConsumes(MBOX)
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'an mbox file (mboxo or mboxrd)' })
  @ApiProduces(NDJSON)
  @ApiResponse({
    status: 200,
    description:
      'JSON lines: `progress` about every second, then one `summary` (or one `error` line if the import stopped)',
    content: { [NDJSON]: { schema: { type: 'string', example: EXAMPLE_LINES } } },
  })
  @ApiProblem(415, 'The body is not application/mbox')
  async import(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Caller() caller?: Principal) {
    const body = bodyStream(request.body, MBOX);
    // From here on the reply is ours: a line per progress step, however long the file takes.
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { ...(reply.getHeaders() as OutgoingHttpHeaders), 'content-type': NDJSON });
    try {
      for await (const line of this.imports.run(body, caller?.keyId ?? null)) res.write(`${JSON.stringify(line)}\n`);
    } catch (error) {
      // The client learns the import stopped, and where; the cause stays in the log.
      this.logger.error(`mbox import stopped: ${(error as Error).stack ?? String(error)}`);
      res.write(
        `${JSON.stringify({ type: 'error', detail: 'The import stopped; messages before this line were taken in.' })}\n`,
      );
    }
    res.end();
  }

  @Get()
  @Auth(Scope.EmailRead)
  @ApiOperation({ summary: 'Emails taken in, newest first (`limit` + `cursor`), by status, mailbox or class' })
  @ApiOkResponse({ type: EmailPageDto })
  @ApiProblem(400, 'A bad status, mailbox id, class, limit or cursor')
  list(@Query() query: ListEmailsQueryDto): Promise<EmailPageDto> {
    return this.emails.list(query);
  }

  @Get(':email_id')
  @Auth(Scope.EmailRead)
  @ApiOperation({
    summary: 'An email: safe text, classification, extracted fields, PII tags, attachments, robot and every step',
  })
  @ApiOkResponse({ type: EmailDto })
  @ApiProblem(400, 'email_id is not a UUID')
  @ApiProblem(404, 'No such email')
  get(@Param() params: EmailIdParamDto): Promise<EmailDto> {
    return this.emails.get(params.email_id);
  }

  @Get(':email_id/attachments/:position')
  @Auth(Scope.EmailRead)
  @ApiOperation({ summary: "An attachment's bytes, as a download (never rendered by the browser)" })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblem(400, 'email_id is not a UUID, or position is not an integer from 0 to 10,000')
  @ApiProblem(404, 'No such email, or no stored attachment at that position')
  async attachment(@Param() params: AttachmentParamDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { bytes, filename } = await this.emails.attachment(params.email_id, params.position);
    const name = (filename ?? `attachment-${params.position}`).replace(/[^\w.-]/g, '_');
    void reply
      .type('application/octet-stream')
      .header('Content-Disposition', `attachment; filename="${name}"`)
      .header('X-Content-Type-Options', 'nosniff');
    return bytes;
  }

  @Post(':email_id/label')
  @HttpCode(200)
  @Auth(Scope.EmailWrite)
  @ApiOperation({
    summary:
      "Correct an email's class: it becomes a training example; an email waiting in review gets its robot from it",
  })
  @ApiOkResponse({ type: EmailDto })
  @ApiProblem(400, 'A bad class name')
  @ApiProblem(404, 'No such email')
  @ApiProblem(409, 'A refused message has no class')
  label(
    @Param() params: EmailIdParamDto,
    @Body() body: LabelEmailDto,
    @Caller() caller?: Principal,
  ): Promise<EmailDto> {
    return this.emails.label(params.email_id, body.class_name, caller?.prefix ?? null);
  }
}
