import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../core/config/app-config.service.js';
import { ApiCommonProblems, ApiProblem } from '../../core/errors/api-problem.decorator.js';
import { Auth } from '../../security/auth.decorator.js';
import { Caller } from '../../security/caller.decorator.js';
import type { Principal } from '../../security/principal.js';
import { Scope } from '../../security/scopes.js';
import { documentNotFound } from '../ocr-api.errors.js';
import { OcrAcceptedDto, OcrDocumentDto, OcrDocumentPageDto } from './dto/ocr-document.dto.js';
import {
  BATCH_FIELDS,
  BATCH_FORM_SCHEMA,
  ListOcrDocumentsQueryDto,
  OcrBatchDto,
  OcrDocumentIdParamDto,
  UPLOAD_FIELDS,
  UPLOAD_FORM_SCHEMA,
} from './dto/ocr-upload.dto.js';
import { OcrUploads } from './ocr-uploads.service.js';
import { readUpload } from './upload-reader.js';

@ApiTags('ocr')
@ApiCommonProblems()
@ApiExtraModels(OcrDocumentDto, OcrAcceptedDto)
@Controller('api/v1/ocr/documents')
export class OcrDocumentsController {
  private readonly maxBytes: number;
  private readonly maxFiles: number;

  constructor(
    private readonly uploads: OcrUploads,
    config: AppConfig,
  ) {
    this.maxBytes = config.get('OCR_MAX_BYTES');
    this.maxFiles = config.get('OCR_BATCH_MAX_FILES');
  }

  @Post()
  @HttpCode(200)
  @Auth(Scope.OcrWrite)
  @ApiOperation({
    summary: 'Upload a document for OCR: 200 with the result (dedupe cache, or sync and small), else 202 and a robot',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_FORM_SCHEMA })
  @ApiOkResponse({ type: OcrDocumentDto, description: 'From the dedupe cache, or a synchronous answer in time' })
  @ApiAcceptedResponse({ type: OcrAcceptedDto, description: 'Queued as an ocr_extract robot; follow Location' })
  @ApiProblem(400, 'No `file` part, several, an unknown field or a bad option, or a malformed form')
  @ApiProblem(413, 'The file is larger than OCR_MAX_BYTES')
  @ApiProblem(415, 'The body is not multipart/form-data')
  @ApiProblem(422, 'The content is not a supported document, or (sync) the pipeline could not read it')
  async submit(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Caller() caller?: Principal,
  ): Promise<OcrDocumentDto | OcrAcceptedDto> {
    const upload = await readUpload(request, { maxBytes: this.maxBytes, maxFiles: 1, fields: UPLOAD_FIELDS });
    const answer = await this.uploads.one(upload, caller?.keyId ?? null);
    if ('location' in answer) void reply.status(202).header('Location', answer.location);
    return answer;
  }

  @Post('batch')
  @HttpCode(200)
  @Auth(Scope.OcrWrite)
  @ApiOperation({
    summary: 'Upload several documents (one `file` part each): each is its own document and robot, answered in order',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: BATCH_FORM_SCHEMA })
  @ApiOkResponse({ type: OcrBatchDto, description: "Each file's own status; a refused file does not stop the others" })
  @ApiProblem(400, 'No `file` part, more than OCR_BATCH_MAX_FILES, an unknown field or a bad option')
  @ApiProblem(415, 'The body is not multipart/form-data')
  @ApiProblem(422, 'Invoice extraction asked for where none is installed')
  async batch(@Req() request: FastifyRequest, @Caller() caller?: Principal): Promise<OcrBatchDto> {
    const upload = await readUpload(request, {
      maxBytes: this.maxBytes,
      maxFiles: this.maxFiles,
      fields: BATCH_FIELDS,
    });
    return { documents: await this.uploads.batch(upload, caller?.keyId ?? null) };
  }

  @Get()
  @Auth(Scope.OcrRead)
  @ApiOperation({ summary: 'OCR documents, newest first, without their text and pages (`limit` + `cursor`)' })
  @ApiOkResponse({ type: OcrDocumentPageDto })
  @ApiProblem(400, 'A bad status, limit or cursor')
  list(@Query() query: ListOcrDocumentsQueryDto): Promise<OcrDocumentPageDto> {
    return this.uploads.list(query);
  }

  @Get(':document_id')
  @Auth(Scope.OcrRead)
  @ApiOperation({
    summary: 'A document: status, text, pages with lines and words, fields, quality, resources, cache origin, robot',
  })
  @ApiOkResponse({ type: OcrDocumentDto })
  @ApiProblem(400, 'document_id is not a UUID')
  @ApiProblem(404, 'No such document')
  async get(@Param() params: OcrDocumentIdParamDto): Promise<OcrDocumentDto> {
    const document = await this.uploads.get(params.document_id);
    if (!document) throw documentNotFound(params.document_id);
    return document;
  }
}
