import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../core/config/app-config.service.js';
import { DomainException } from '../../core/errors/domain.exception.js';
import { CONTENT_STORE, type ContentStore, sha256Of } from '../../core/storage/content-store.js';
import { ReviewQueue } from '../../review/review-queue.service.js';
import { ROBOT_INTAKE, type RobotIntake } from '../../sdk/index.js';
import { OutboxRelay } from '../../state/outbox-relay.service.js';
import {
  type AuditStep,
  EmailAlreadyIngested,
  type EmailAttachmentRow,
  EmailsRepository,
  type NewEmailRow,
  type Queryable,
} from '../../state/repositories/emails.repository.js';
import {
  type Classification,
  type ClassificationInput,
  EMAIL_CLASSIFIER,
  type EmailClassifier,
  type EmailIngestor,
  type EmailLimits,
  type IngestResult,
  type IngestSource,
  type ParsedEmail,
} from '../email.types.js';
import { extractFields } from '../extraction/extract-fields.js';
import { detectPii } from '../extraction/pii.js';
import { parseEmail } from '../parsing/parse-email.js';
import { emailClassReview } from '../review/email-class-review.js';
import { EmailMetrics } from './email-metrics.js';
import { emailIdempotencyKey, emailRobotCommand } from './email-robot.js';

/** Why a robot intake refused the key: the same key with other work (a model changed in between). */
const KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED';

interface Prepared {
  row: NewEmailRow;
  attachments: EmailAttachmentRow[];
  audit: AuditStep[];
  classification: Classification;
}

/**
 * The one way an email comes in (IMAP, REST upload, mbox import): parse with caps, dedupe, store
 * the raw message and attachments by hash, extract fields, detect PII, classify, then write it all
 * in one transaction: the email, its attachments' references, its audit, its `email.ingested`
 * event, the mailbox checkpoint, and the robot it becomes (the robot's own creation transaction)
 * or the review of its class. Whatever crashes, a message is taken in once: before that commit
 * nothing is ingested and the checkpoint has not moved; after it, a second ingest finds the email
 * by Message-ID or content and only moves the checkpoint.
 */
@Injectable()
export class EmailIngestService implements EmailIngestor {
  private readonly logger = new Logger(EmailIngestService.name);
  private readonly limits: EmailLimits;
  private readonly redact: boolean;
  /**
   * Ingests in progress on this instance, by identity: a second copy of a message waits for the
   * first and then finds it. Across instances the unique indexes decide; within one, waiting here
   * saves the work, and on PGlite (one statement at a time) it avoids a transaction waiting on
   * another's uncommitted row, which would stall the whole database.
   */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly emails: EmailsRepository,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
    @Inject(ROBOT_INTAKE) private readonly intake: RobotIntake,
    @Inject(EMAIL_CLASSIFIER) private readonly classifier: EmailClassifier,
    private readonly reviews: ReviewQueue,
    private readonly relay: OutboxRelay,
    private readonly metrics: EmailMetrics,
    config: AppConfig,
  ) {
    this.limits = {
      maxBytes: config.get('EMAIL_MAX_BYTES'),
      maxAttachments: config.get('EMAIL_MAX_ATTACHMENTS'),
      maxAttachmentBytes: config.get('EMAIL_MAX_ATTACHMENT_BYTES'),
    };
    this.redact = config.get('EMAIL_REDACT_PII');
  }

  get maxBytes(): number {
    return this.limits.maxBytes;
  }

  async ingest(raw: Buffer, source: IngestSource): Promise<IngestResult> {
    const started = performance.now();
    const result = await this.take(raw, source);
    this.metrics.record(source, result, (performance.now() - started) / 1000);
    if (result.status !== 'DUPLICATE') this.relay.kick();
    return result;
  }

  private async take(raw: Buffer, source: IngestSource): Promise<IngestResult> {
    const parseStarted = performance.now();
    const parsed = await parseEmail(raw, this.limits);
    const parseMs = Math.round(performance.now() - parseStarted);
    if (!parsed.ok) return this.refuse(raw, source, parsed.refusal, parsed.reason, parseMs);
    const email = parsed.email;
    return this.oneAtATime([email.content_sha256, email.message_id], () =>
      this.takeParsed(raw, email, source, parseMs),
    );
  }

  /** Runs `work` once no other ingest on this instance holds any of `keys`. */
  private async oneAtATime<T>(keys: Array<string | null>, work: () => Promise<T>): Promise<T> {
    const held = keys.filter((key): key is string => key !== null);
    for (;;) {
      const running = held.map((key) => this.inFlight.get(key)).find((promise) => promise !== undefined);
      if (!running) break;
      await running.catch(() => undefined);
    }
    const done = work();
    for (const key of held) this.inFlight.set(key, done);
    try {
      return await done;
    } finally {
      for (const key of held) if (this.inFlight.get(key) === done) this.inFlight.delete(key);
    }
  }

  private async takeParsed(
    raw: Buffer,
    email: ParsedEmail,
    source: IngestSource,
    parseMs: number,
  ): Promise<IngestResult> {
    const existing = await this.emails.findExisting(email.message_id, email.content_sha256);
    if (existing) return this.duplicate(source, existing);

    const prepared = await this.prepare(raw, email, source, parseMs);
    const route = prepared.classification.route;
    try {
      if (prepared.row.status === 'ROBOT_CREATED' && route?.robot_type) {
        return await this.withRobot(email, prepared, source, route.robot_type, route.priority);
      }
      return await this.emails.transaction(async (tx) => {
        await this.write(tx, prepared, source);
        if (prepared.row.status === 'NEEDS_REVIEW') {
          await this.reviews.enqueue(
            emailClassReview(prepared.row.email_id, email, prepared.classification, prepared.row.text_body ?? ''),
            tx,
          );
        }
        return { email_id: prepared.row.email_id, status: prepared.row.status, robot_id: null };
      });
    } catch (error) {
      if (!(error instanceof EmailAlreadyIngested)) throw error;
      // A concurrent ingest of the same mail committed first: ours rolled back whole.
      const winner = await this.emails.findExisting(email.message_id, email.content_sha256);
      if (!winner) throw error;
      return this.duplicate(source, winner);
    }
  }

  /** Creates the robot with the email, its audit, its event and the checkpoint in one transaction. */
  private async withRobot(
    email: ParsedEmail,
    prepared: Prepared,
    source: IngestSource,
    robotType: string,
    priority: string,
  ): Promise<IngestResult> {
    const command = emailRobotCommand({
      email_id: prepared.row.email_id,
      email,
      attachments: email.attachments.map((a) => ({
        position: a.position,
        filename: a.filename,
        media_type: a.media_type,
        size_bytes: a.size_bytes,
        sha256: a.sha256,
        stored: a.content !== null,
      })),
      text: prepared.row.text_body ?? '',
      class_name: prepared.classification.class_name!,
      confidence: prepared.classification.confidence,
      robot_type: robotType,
      priority,
      extracted: prepared.row.extracted as never,
      contains_sensitive_data: prepared.row.contains_sensitive_data,
      pii_tags: prepared.row.pii_tags as never,
    });
    try {
      const { robot, created } = await this.intake.create(command, emailIdempotencyKey(email), async (tx, robotId) => {
        prepared.row.robot_id = robotId;
        prepared.audit.push({ step: 'robot', outcome: 'ok', detail: { robot_id: robotId, robot_type: robotType } });
        await this.write(tx as Queryable, prepared, source);
      });
      if (created) return { email_id: prepared.row.email_id, status: 'ROBOT_CREATED', robot_id: robot.robot_id };
    } catch (error) {
      if (!(error instanceof DomainException && error.code === KEY_REUSED)) throw error;
    }
    // The robot of this email's identity exists: its email committed with it.
    throw new EmailAlreadyIngested();
  }

  private async write(tx: Queryable, prepared: Prepared, source: IngestSource): Promise<void> {
    if (source.kind === 'imap') {
      await this.emails.advanceCheckpoint(tx, source.mailbox_id, source.uid_validity, source.uid);
    }
    await this.emails.insert(tx, prepared.row, prepared.attachments, prepared.audit, {
      attachments: prepared.attachments.length,
    });
  }

  /** Everything outside the transaction: bytes to the store, extraction, PII, classification. */
  private async prepare(raw: Buffer, email: ParsedEmail, source: IngestSource, parseMs: number): Promise<Prepared> {
    const audit: AuditStep[] = [
      { step: 'parse', outcome: 'ok', detail: { ms: parseMs, size_bytes: email.size_bytes, warnings: email.warnings } },
    ];
    const pii = detectPii(`${email.subject ?? ''}\n${email.text}`);
    // With redaction on, nothing unredacted is kept: not the raw message, not the text.
    const rawStored = this.redact ? null : await this.store.put(raw);
    const attachments: EmailAttachmentRow[] = [];
    for (const attachment of email.attachments) {
      if (attachment.content) await this.store.put(attachment.content);
      attachments.push({
        position: attachment.position,
        sha256: attachment.sha256,
        filename: attachment.filename,
        media_type: attachment.media_type,
        size_bytes: attachment.size_bytes,
        ocr_document_id: null,
      });
    }
    audit.push({
      step: 'store',
      outcome: 'ok',
      detail: {
        raw: rawStored ? rawStored.sha256 : 'not kept (EMAIL_REDACT_PII)',
        attachments: attachments.length,
        skipped: email.attachments.filter((a) => a.skipped).map((a) => ({ position: a.position, reason: a.skipped })),
      },
    });
    const extracted = extractFields(email.subject, email.text);
    audit.push({
      step: 'extract',
      outcome: 'ok',
      detail: Object.fromEntries(
        Object.entries(extracted).map(([name, value]) => [name, Array.isArray(value) ? value.length : value ? 1 : 0]),
      ),
    });
    audit.push({ step: 'pii', outcome: 'ok', detail: { tags: pii.tags, redacted: this.redact } });
    const classifyStarted = performance.now();
    const classification = await this.classifier.classify(classificationInput(email));
    const classifyMs = Math.round((performance.now() - classifyStarted) * 100) / 100;
    audit.push({
      step: 'classify',
      outcome: 'ok',
      detail: {
        class_name: classification.class_name,
        confidence: classification.confidence,
        decided_by: classification.decided_by,
        rule: classification.rule?.name ?? null,
        model_version: classification.model_version,
        threshold: classification.threshold,
        cached: classification.cached,
        ms: classifyMs,
      },
    });
    const status = classification.needs_review
      ? 'NEEDS_REVIEW'
      : classification.route?.robot_type
        ? 'ROBOT_CREATED'
        : 'NO_ROBOT';
    if (status !== 'ROBOT_CREATED') audit.push({ step: 'route', outcome: 'ok', detail: { status } });
    return {
      attachments,
      audit,
      classification,
      row: {
        email_id: randomUUID(),
        message_id: email.message_id,
        content_sha256: email.content_sha256,
        raw_sha256: rawStored?.sha256 ?? null,
        source: source.kind,
        mailbox_id: source.kind === 'imap' ? source.mailbox_id : null,
        uid: source.kind === 'imap' ? source.uid : null,
        status,
        reject_reason: null,
        from_address: email.from?.address ?? null,
        from_name: email.from?.name ?? null,
        recipients: [
          ...email.to.map((a) => ({ ...a, kind: 'to' as const })),
          ...email.cc.map((a) => ({ ...a, kind: 'cc' as const })),
        ],
        subject: email.subject,
        sent_at: email.sent_at,
        thread_id: email.thread_id,
        in_reply_to: email.in_reply_to,
        size_bytes: email.size_bytes,
        text_body: this.redact ? pii.redacted : email.text,
        parse_warnings: email.warnings,
        classification: { ...classification },
        extracted: extracted as unknown as Record<string, unknown>,
        contains_sensitive_data: pii.contains_sensitive_data,
        pii_tags: pii.tags,
        robot_id: null,
        created_by: source.kind === 'imap' ? null : source.created_by,
      },
    };
  }

  /**
   * A message that cannot be taken in is recorded (REJECTED, with its reason and its bytes when
   * they are within the size cap) and moves the checkpoint, so one bad message never blocks a
   * mailbox. The same bad message again is a duplicate of that record.
   */
  private async refuse(
    raw: Buffer,
    source: IngestSource,
    refusal: string,
    reason: string,
    parseMs: number,
  ): Promise<IngestResult> {
    const contentSha256 = sha256Of(raw);
    const existing = await this.emails.findExisting(null, contentSha256);
    if (existing) return this.duplicate(source, existing);
    const kept = raw.length <= this.limits.maxBytes && !this.redact ? await this.store.put(raw) : null;
    const emailId: string = randomUUID();
    try {
      await this.emails.transaction(async (tx) => {
        if (source.kind === 'imap') {
          await this.emails.advanceCheckpoint(tx, source.mailbox_id, source.uid_validity, source.uid);
        }
        await this.emails.insert(
          tx,
          {
            ...rejectedRow(source, contentSha256, raw.length, `${refusal}: ${reason}`),
            raw_sha256: kept?.sha256 ?? null,
            email_id: emailId,
          },
          [],
          [{ step: 'parse', outcome: 'refused', detail: { refusal, reason, ms: parseMs, size_bytes: raw.length } }],
          null,
        );
      });
    } catch (error) {
      if (!(error instanceof EmailAlreadyIngested)) throw error;
      return this.duplicate(source, (await this.emails.findExisting(null, contentSha256))!);
    }
    this.logger.warn(`email refused (${refusal}): ${reason}`);
    return { email_id: emailId, status: 'REJECTED', robot_id: null, reason };
  }

  /** Seen before: only the checkpoint moves (and the audit says it was seen again, and where). */
  private async duplicate(
    source: IngestSource,
    existing: { email_id: string; robot_id: string | null },
  ): Promise<IngestResult> {
    await this.emails.transaction(async (tx) => {
      if (source.kind === 'imap') {
        await this.emails.advanceCheckpoint(tx, source.mailbox_id, source.uid_validity, source.uid);
      }
      await this.emails.audit(
        tx,
        existing.email_id,
        source.kind === 'imap' ? source.mailbox_id : null,
        [{ step: 'ingest', outcome: 'duplicate', detail: duplicateDetail(source) }],
        source.kind === 'imap' ? null : source.created_by,
      );
    });
    return { email_id: existing.email_id, status: 'DUPLICATE', robot_id: existing.robot_id };
  }
}

/** What the classifier reads of an email (the label feedback rebuilds it from the stored row). */
export const classificationInput = (email: ParsedEmail): ClassificationInput => ({
  subject: email.subject,
  from_address: email.from?.address ?? null,
  text: email.text,
  attachment_types: email.attachments.map((a) => a.media_type),
  attachment_names: email.attachments.flatMap((a) => (a.filename ? [a.filename] : [])),
  to_addresses: email.to.map((a) => a.address.toLowerCase()),
  cc_addresses: email.cc.map((a) => a.address.toLowerCase()),
  in_reply_to: email.in_reply_to,
});

function duplicateDetail(source: IngestSource): Record<string, unknown> {
  return source.kind === 'imap'
    ? { source: 'imap', uid_validity: source.uid_validity, uid: source.uid }
    : { source: source.kind };
}

function rejectedRow(
  source: IngestSource,
  contentSha256: string,
  size: number,
  reason: string,
): Omit<NewEmailRow, 'email_id'> {
  return {
    message_id: null,
    content_sha256: contentSha256,
    raw_sha256: null,
    source: source.kind,
    mailbox_id: source.kind === 'imap' ? source.mailbox_id : null,
    uid: source.kind === 'imap' ? source.uid : null,
    status: 'REJECTED',
    reject_reason: reason.slice(0, 500),
    from_address: null,
    from_name: null,
    recipients: [],
    subject: null,
    sent_at: null,
    thread_id: null,
    in_reply_to: null,
    size_bytes: size,
    text_body: null,
    parse_warnings: [],
    classification: null,
    extracted: {},
    contains_sensitive_data: false,
    pii_tags: [],
    robot_id: null,
    created_by: source.kind === 'imap' ? null : source.created_by,
  };
}
