import { DomainException } from '../../../core/errors/domain.exception.js';
import { CoreErrorCode } from '../../../core/errors/error-catalogue.js';
import { ClassificationErrorCode } from '../classification.errors.js';
import {
  contentHashOf,
  NotAnEmailError,
  type ParsedForClassification,
  toClassificationInput,
} from './classification-input.js';

/** An email as the API takes it: the raw RFC 822 text, or its parts. */
export interface EmailBody {
  raw?: string;
  subject?: string;
  from?: string;
  text?: string;
  attachment_types?: string[];
}

/** The email a request describes; a 400 for both or neither of raw and text, a 422 for raw that is no email. */
export async function emailOf(body: EmailBody, where = ''): Promise<ParsedForClassification> {
  const parts = body.subject !== undefined || body.from !== undefined || body.attachment_types !== undefined;
  if ((body.raw === undefined) === (body.text === undefined) || (body.raw !== undefined && parts)) {
    const problem = `${where}send either raw (the RFC 822 text) or text (with subject, from and attachment_types if known)`;
    throw new DomainException(CoreErrorCode.ValidationFailed, 'The email is not valid.', { errors: [problem] });
  }
  if (body.raw !== undefined) {
    try {
      return await toClassificationInput(Buffer.from(body.raw, 'utf8'));
    } catch (error) {
      // The parser's own wording may quote the input: only ours is shown.
      const reason = error instanceof NotAnEmailError ? error.message : 'raw could not be parsed as an email';
      throw new DomainException(ClassificationErrorCode.ExampleUnreadable, `${where}${reason}.`);
    }
  }
  const input = {
    subject: body.subject ?? null,
    from_address: body.from?.toLowerCase() ?? null,
    text: body.text ?? '',
    attachment_types: (body.attachment_types ?? []).map((t) => t.toLowerCase()),
    attachment_names: [],
  };
  return { input, content_sha256: contentHashOf(input) };
}
