import { createHash } from 'node:crypto';
import { REFERENCE_PATTERN } from '../../core/validation/identifiers.js';
import { CreateRobotCommand, Priority, ROBOT_LIMITS } from '../../sdk/index.js';
import type { ExtractedFields, ParsedEmail, PiiTag } from '../email.types.js';

const hex = (value: string) => createHash('sha256').update(value).digest('hex');

/** The text a robot gets: enough to act on, bounded (the stored email keeps all of it). */
const ROBOT_TEXT_CHARS = 20_000;

/**
 * The robot's idempotency key, from the email's identity (its Message-ID, else its content), so
 * a re-ingest of the same mail (another mailbox, a UIDVALIDITY rescan, an mbox imported twice)
 * finds the robot the first ingest created instead of creating another.
 */
export function emailIdempotencyKey(email: Pick<ParsedEmail, 'message_id' | 'content_sha256'>): string {
  return `email.${email.message_id ? hex(`mid:${email.message_id}`) : email.content_sha256}`;
}

/** A reference as the robot's columns accept it: as written when it fits, else a stable hash of it. */
export function asReference(prefix: string, value: string | null, maxLength: number): string | undefined {
  if (!value) return undefined;
  const written = `${prefix}${value}`;
  if (written.length <= maxLength && REFERENCE_PATTERN.test(written)) return written;
  return `${prefix}sha256:${hex(value).slice(0, 40)}`;
}

const PRIORITIES = new Set<string>(Object.values(Priority));

/** An attachment as the robot sees it: `stored` false when it was over the size cap (listed, not kept). */
export interface RobotAttachment {
  position: number;
  filename: string | null;
  media_type: string;
  size_bytes: number;
  sha256: string;
  stored: boolean;
}

export type EmailHeaderFacts = Pick<
  ParsedEmail,
  'message_id' | 'thread_id' | 'from' | 'to' | 'subject' | 'sent_at' | 'content_sha256'
>;

export interface EmailRobotFacts {
  email_id: string;
  email: EmailHeaderFacts;
  attachments: RobotAttachment[];
  text: string;
  class_name: string;
  confidence: number;
  robot_type: string;
  priority: string;
  extracted: ExtractedFields;
  contains_sensitive_data: boolean;
  pii_tags: PiiTag[];
}

/** The robot one classified email becomes: its facts, extracted fields and links to its attachments. */
export function emailRobotCommand(facts: EmailRobotFacts): CreateRobotCommand {
  const { email } = facts;
  return CreateRobotCommand.create({
    robot_type: facts.robot_type,
    priority: PRIORITIES.has(facts.priority) ? (facts.priority as Priority) : Priority.Normal,
    correlation_id: asReference('thread:', email.thread_id, ROBOT_LIMITS.correlationIdLength),
    source_reference: asReference(
      'email:',
      email.message_id ?? `sha256:${email.content_sha256}`,
      ROBOT_LIMITS.sourceReferenceLength,
    ),
    input_data: {
      email_id: facts.email_id,
      email_url: `/api/v1/emails/${facts.email_id}`,
      message_id: email.message_id,
      thread_id: email.thread_id,
      from: email.from,
      to: email.to,
      subject: email.subject,
      sent_at: email.sent_at?.toISOString() ?? null,
      class: { name: facts.class_name, confidence: facts.confidence },
      extracted: facts.extracted,
      contains_sensitive_data: facts.contains_sensitive_data,
      pii_tags: facts.pii_tags,
      text: facts.text.slice(0, ROBOT_TEXT_CHARS),
      text_truncated: facts.text.length > ROBOT_TEXT_CHARS,
      attachments: facts.attachments.map((attachment) => ({
        ...attachment,
        url: attachment.stored ? `/api/v1/emails/${facts.email_id}/attachments/${attachment.position}` : null,
      })),
    },
  });
}
