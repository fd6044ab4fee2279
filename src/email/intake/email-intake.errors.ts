import { declareErrorCodes } from '../../core/errors/error-catalogue.js';

/** What the email intake API refuses with; field problems are the core VALIDATION_FAILED. */
export enum EmailIntakeErrorCode {
  /** The body is larger than EMAIL_MAX_BYTES: nothing is read past the cap, nothing recorded. */
  MessageTooLarge = 'EMAIL_TOO_LARGE',
  EmptyBody = 'EMAIL_EMPTY',
  /** The message was read and refused (recorded as REJECTED with its reason). */
  Rejected = 'EMAIL_REJECTED',
  EmailNotFound = 'EMAIL_NOT_FOUND',
  AttachmentNotFound = 'EMAIL_ATTACHMENT_NOT_FOUND',
  /** A refused message has no class to correct. */
  NotLabelable = 'EMAIL_NOT_LABELABLE',
}

declare module '../../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    emailIntake: EmailIntakeErrorCode;
  }
}

declareErrorCodes(EmailIntakeErrorCode, {
  [EmailIntakeErrorCode.MessageTooLarge]: 413,
  [EmailIntakeErrorCode.EmptyBody]: 400,
  [EmailIntakeErrorCode.Rejected]: 422,
  [EmailIntakeErrorCode.EmailNotFound]: 404,
  [EmailIntakeErrorCode.AttachmentNotFound]: 404,
  [EmailIntakeErrorCode.NotLabelable]: 409,
});
