import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { DomainException } from '../../core/errors/domain.exception.js';
import { type ContentStore, CONTENT_STORE, sha256Of } from '../../core/storage/content-store.js';
import { CreateRobotCommand, Priority, ROBOT_INTAKE, type RobotIntake } from '../../sdk/index.js';
import { type OcrDocumentStatus, OcrDocumentsRepository } from '../../state/repositories/ocr-documents.repository.js';
import { OcrApiErrorCode } from '../ocr-api.errors.js';
import { INVOICE_EXTRACTOR, type InvoiceExtractor } from '../ocr.types.js';
import { requireMediaType } from './document-type.js';
import { OcrDocumentDto } from './dto/ocr-document.dto.js';
import { OcrMetrics } from './ocr-metrics.js';
import { normaliseOptions, type OcrOptionsInput, optionsKey } from './ocr-options.js';
import { countPages } from './page-count.js';

export const OCR_ROBOT_TYPE = 'ocr_extract';

export interface SubmitRequest {
  filename?: string | null;
  options?: OcrOptionsInput;
  /** Who asked (an API key id, `email:<mailbox>`), kept on the row. */
  createdBy?: string | null;
  /** Groups the robots of one batch. */
  correlationId?: string;
  /** Wait for the result of a small document (OCR_SYNC_* settings) instead of answering at once. */
  sync?: boolean;
  /** The SHA-256 when the caller hashed the bytes as they streamed in. */
  sha256?: string;
}

export interface Submission {
  document_id: string;
  /** null when the answer came from the dedupe cache: no robot was needed. */
  robot_id: string | null;
  from_cache: boolean;
  cached_from: string | null;
  /** The finished document: on a cache hit, or a synchronous request answered in time. */
  document: OcrDocumentDto | null;
}

const FINISHED: OcrDocumentStatus[] = ['COMPLETED', 'NEEDS_REVIEW', 'FAILED'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * OCR for every layer: the REST API, a module's handler, the email layer's attachments. A
 * document is checked by its content, answered from a finished result of the same bytes and
 * options when there is one, and otherwise stored and queued as an `ocr_extract` robot.
 */
@Injectable()
export class OcrService {
  private readonly limits: { maxBytes: number; syncBytes: number; syncPages: number; syncMs: number };
  private readonly robotTimeoutSeconds: number;

  constructor(
    private readonly documents: OcrDocumentsRepository,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
    @Inject(ROBOT_INTAKE) private readonly intake: RobotIntake,
    private readonly metrics: OcrMetrics,
    config: AppConfig,
    @Optional() @Inject(INVOICE_EXTRACTOR) private readonly extractor?: InvoiceExtractor,
  ) {
    this.limits = {
      maxBytes: config.get('OCR_MAX_BYTES'),
      syncBytes: config.get('OCR_SYNC_MAX_BYTES'),
      syncPages: config.get('OCR_SYNC_MAX_PAGES'),
      syncMs: config.get('OCR_SYNC_TIMEOUT_MS'),
    };
    this.robotTimeoutSeconds = config.get('OCR_ROBOT_TIMEOUT_SECONDS');
  }

  /** OCR_MAX_BYTES: the largest document accepted. */
  get maxBytes(): number {
    return this.limits.maxBytes;
  }

  /**
   * Accepts a document. Refusals (empty, too large, not a supported type, bad options) are thrown
   * before anything is stored or created.
   */
  async submit(bytes: Buffer, request: SubmitRequest = {}): Promise<Submission> {
    if (bytes.length === 0) throw new DomainException(OcrApiErrorCode.FileMissing, 'The document is empty.');
    if (bytes.length > this.limits.maxBytes) {
      throw new DomainException(
        OcrApiErrorCode.FileTooLarge,
        `The document is larger than ${this.limits.maxBytes} bytes (OCR_MAX_BYTES).`,
      );
    }
    const mediaType = requireMediaType(bytes);
    const options = normaliseOptions(request.options ?? {});
    if (options.extract && !this.extractor) {
      throw new DomainException(OcrApiErrorCode.ExtractorUnavailable, 'Invoice extraction is not installed here.');
    }
    const sha256 = request.sha256 ?? sha256Of(bytes);
    const key = optionsKey(options);
    const filename = request.filename ?? null;
    const createdBy = request.createdBy ?? null;

    const original = await this.documents.findFinished(sha256, key);
    this.metrics.looked(original !== null);
    if (original) {
      const documentId = await this.documents.insertCacheHit(original.document_id, {
        filename,
        created_by: createdBy,
      });
      const document = await this.get(documentId);
      return { document_id: documentId, robot_id: null, from_cache: true, cached_from: original.document_id, document };
    }

    const pages = request.sync ? await countPages(bytes, mediaType) : null;
    const sync =
      request.sync === true &&
      bytes.length <= this.limits.syncBytes &&
      pages !== null &&
      pages <= this.limits.syncPages;
    await this.store.put(bytes);
    const documentId = await this.documents.insertPending({
      sha256,
      options_key: key,
      filename,
      media_type: mediaType,
      size_bytes: bytes.length,
      page_count: pages,
      options: { ...options },
      created_by: createdBy,
    });
    const robotId = await this.queue(documentId, { sync, correlationId: request.correlationId });
    const document = sync ? await this.waitFor(documentId, this.limits.syncMs) : null;
    return {
      document_id: documentId,
      robot_id: robotId,
      from_cache: false,
      cached_from: null,
      document: document && FINISHED.includes(document.status as OcrDocumentStatus) ? document : null,
    };
  }

  async get(documentId: string): Promise<OcrDocumentDto | null> {
    const row = await this.documents.findById(documentId);
    return row && OcrDocumentDto.of(row);
  }

  /** The document once it is finished (COMPLETED, NEEDS_REVIEW or FAILED), or as it is after `timeoutMs`. */
  async waitFor(documentId: string, timeoutMs: number): Promise<OcrDocumentDto | null> {
    const deadline = Date.now() + timeoutMs;
    // Polls the database: the robot may run on another instance. 25 ms doubling to 250 ms.
    for (let delay = 25; ; delay = Math.min(250, delay * 2)) {
      const status = await this.documents.statusOf(documentId);
      if (status === null) return null;
      if (FINISHED.includes(status) || Date.now() >= deadline) return this.get(documentId);
      await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
    }
  }

  /** The robot that runs the document; the row is removed again if the robot cannot be created. */
  private async queue(documentId: string, how: { sync: boolean; correlationId?: string }): Promise<string> {
    try {
      const command = CreateRobotCommand.create({
        robot_type: OCR_ROBOT_TYPE,
        input_data: { document_id: documentId },
        // Someone is waiting on a synchronous request.
        priority: how.sync ? Priority.High : Priority.Normal,
        source_reference: `ocr:${documentId}`,
        correlation_id: how.correlationId,
        timeout_seconds: this.robotTimeoutSeconds,
      });
      const { robot } = await this.intake.create(command, documentId);
      await this.documents.attachRobot(documentId, robot.robot_id);
      return robot.robot_id;
    } catch (error) {
      await this.documents.deletePending(documentId);
      throw error;
    }
  }
}
