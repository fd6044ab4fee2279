import type { ReviewRequest } from '../../review/review-queue.service.js';
import type { Classification, ParsedEmail } from '../email.types.js';

/** The review kind of an email whose class the machine is not sure of. */
export const EMAIL_CLASS_REVIEW = 'email_class';

/** A class name as the training API accepts it. */
export const CLASS_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/;

const EXCERPT_CHARS = 2_000;

/**
 * What a reviewer sees of a doubtful email: the class in doubt with its confidence and why, every
 * class's probability (most likely first), and enough of the email to decide. They answer with
 * `{fields: {class_name}}`, or dismiss it (no robot: nothing to do for this mail).
 */
export function emailClassReview(
  emailId: string,
  email: Pick<ParsedEmail, 'subject' | 'from'>,
  classification: Classification,
  text: string,
): ReviewRequest {
  const reasons = classification.class_name
    ? [`confidence ${classification.confidence.toFixed(2)} below ${classification.threshold}`]
    : ['no active model and no rule decided'];
  const candidates = Object.entries(classification.probabilities)
    .sort(([, a], [, b]) => b - a)
    .map(([name, probability]) => ({ class_name: name, probability: Math.round(probability * 1000) / 1000 }));
  return {
    kind: EMAIL_CLASS_REVIEW,
    document_id: null,
    email_id: emailId,
    robot_id: null,
    subject: {
      fields: [
        {
          name: 'class_name',
          value: classification.class_name,
          confidence: Math.round(classification.confidence * 1000) / 1000,
          reasons,
        },
      ],
      email: {
        email_id: emailId,
        subject: email.subject,
        from: email.from?.address ?? null,
        excerpt: text.slice(0, EXCERPT_CHARS),
      },
      candidates,
      model_version: classification.model_version,
    },
  };
}

/** The reviewer's class, checked: one problem per bad value, as ReviewKindHandler.validate answers. */
export function reviewedClass(corrections: Record<string, unknown> | null): {
  class_name?: string;
  problems: string[];
} {
  const keys = Object.keys(corrections ?? {});
  const unknown = keys.filter((key) => key !== 'class_name');
  if (unknown.length > 0) return { problems: unknown.map((key) => `${key}: only class_name can be corrected`) };
  const value = corrections?.class_name;
  if (typeof value !== 'string' || !CLASS_NAME.test(value)) {
    return { problems: ['class_name: must be a class name (1-50 letters, digits, _ . -)'] };
  }
  return { class_name: value, problems: [] };
}
