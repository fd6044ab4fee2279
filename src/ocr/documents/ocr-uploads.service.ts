import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainException } from '../../core/errors/domain.exception.js';
import { CoreErrorCode, type ErrorCode, statusOf } from '../../core/errors/error-catalogue.js';
import { paginate } from '../../core/http/keyset-pagination.js';
import { isSafeFileName } from '../../core/validation/safe-file-name.js';
import { OcrDocumentsRepository } from '../../state/repositories/ocr-documents.repository.js';
import { OcrApiErrorCode } from '../ocr-api.errors.js';
import { type OcrAcceptedDto, type OcrDocumentDto, OcrDocumentSummaryDto } from './dto/ocr-document.dto.js';
import type { ListOcrDocumentsQueryDto, OcrBatchItemDto } from './dto/ocr-upload.dto.js';
import { normaliseOptions } from './ocr-options.js';
import { OcrService, type Submission } from './ocr.service.js';
import type { Upload, UploadedFile } from './upload-reader.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const documentLocation = (documentId: string) => `/api/v1/ocr/documents/${documentId}`;

function syncFlag(value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new DomainException(CoreErrorCode.ValidationFailed, 'The OCR options are not valid.', {
    errors: ['sync must be true or false'],
  });
}

function checkFile(file: UploadedFile, maxBytes: number): void {
  if (file.tooLarge) {
    throw new DomainException(
      OcrApiErrorCode.FileTooLarge,
      `The file is larger than ${maxBytes} bytes (OCR_MAX_BYTES).`,
    );
  }
  if (file.filename !== null && !isSafeFileName(file.filename)) {
    throw new DomainException(CoreErrorCode.ValidationFailed, 'The upload form is not valid.', {
      errors: ['filename must be a plain file name (no path, no "..", no control characters)'],
    });
  }
}

/** The REST use cases over OcrService: one upload, a batch, reading and listing documents. */
@Injectable()
export class OcrUploads {
  constructor(
    private readonly ocr: OcrService,
    private readonly documents: OcrDocumentsRepository,
  ) {}

  /** The finished document (200), or where to follow it (202). */
  async one(upload: Upload, createdBy: string | null): Promise<OcrDocumentDto | OcrAcceptedDto> {
    if (upload.files.length > 1) {
      throw new DomainException(OcrApiErrorCode.TooManyFiles, 'One `file` per upload; use /batch for several.');
    }
    const sync = syncFlag(upload.fields.sync);
    const { sync: _, ...options } = upload.fields;
    const [file] = upload.files;
    checkFile(file, this.maxBytes);
    const submission = await this.ocr.submit(file.bytes, {
      filename: file.filename,
      options,
      createdBy,
      sync,
      sha256: file.sha256,
    });
    const document = submission.document;
    if (document?.status === 'FAILED' && document.error?.code) {
      // A synchronous request the pipeline refused answers as a refusal would, naming the document.
      const code = document.error.code as ErrorCode;
      if (statusOf(code) === 422) {
        throw new DomainException(code, document.error.detail, {
          document_id: submission.document_id,
          robot_id: submission.robot_id,
        });
      }
    }
    return document ?? accepted(submission);
  }

  /** Each file on its own: a refused file is answered with its reason and stops nothing else. */
  async batch(upload: Upload, createdBy: string | null): Promise<OcrBatchItemDto[]> {
    // Options are checked once for all, so a bad one refuses the call before any file is taken.
    normaliseOptions(upload.fields);
    const correlationId = `ocr-batch:${randomUUID()}`;
    const items: OcrBatchItemDto[] = [];
    for (const [index, file] of upload.files.entries()) {
      const base = { index, filename: file.filename };
      try {
        checkFile(file, this.maxBytes);
        const submission = await this.ocr.submit(file.bytes, {
          filename: file.filename,
          options: upload.fields,
          createdBy,
          correlationId,
          sha256: file.sha256,
        });
        items.push({
          ...base,
          status: submission.from_cache ? 200 : 202,
          document_id: submission.document_id,
          robot_id: submission.robot_id,
          from_cache: submission.from_cache,
          cached_from: submission.cached_from,
          location: documentLocation(submission.document_id),
          error: null,
        });
      } catch (error) {
        const status = error instanceof DomainException ? statusOf(error.code) : undefined;
        if (!(error instanceof DomainException) || status === undefined || status >= 500) throw error;
        items.push({
          ...base,
          status,
          document_id: null,
          robot_id: null,
          from_cache: false,
          cached_from: null,
          location: null,
          error: { code: error.code, detail: error.detail },
        });
      }
    }
    return items;
  }

  get(documentId: string): Promise<OcrDocumentDto | null> {
    return this.ocr.get(documentId);
  }

  list(query: ListOcrDocumentsQueryDto) {
    return paginate(
      {
        fetch: (before, limit) => this.documents.list({ status: query.status, before, limit }),
        keyOf: (row) => ({ at: row.keyset_at, id: row.document_id }),
        toItem: (row) => OcrDocumentSummaryDto.of(row),
        idPattern: UUID,
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
  }

  private get maxBytes(): number {
    return this.ocr.maxBytes;
  }
}

function accepted(submission: Submission): OcrAcceptedDto {
  return {
    document_id: submission.document_id,
    robot_id: submission.robot_id!,
    status: 'PENDING',
    from_cache: false,
    location: documentLocation(submission.document_id),
  };
}
