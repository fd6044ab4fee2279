import { describe, expect, it } from '@jest/globals';
import { CoreErrorCode, declareErrorCodes, statusOf } from './core/errors/error-catalogue.js';
import { ClassificationErrorCode } from './email/classification/classification.errors.js';
import { NotificationErrorCode } from './notification/notification.errors.js';
import { InAppErrorCode } from './notification/in-app.errors.js';
import { OcrApiErrorCode } from './ocr/ocr-api.errors.js';
import { OcrPipelineErrorCode } from './ocr/ocr-pipeline.errors.js';
import { InvoiceErrorCode } from './ocr/invoice.errors.js';
import { OrchestratorErrorCode } from './orchestrator/orchestrator.errors.js';
import { RegistryErrorCode } from './registry/registry.errors.js';
import { ReviewErrorCode } from './review/review.errors.js';
import { SecurityErrorCode } from './security/security.errors.js';
import { StateErrorCode } from './state/state.errors.js';
import { TemplatesErrorCode } from './notification/templates.errors.js';
import { MailboxErrorCode } from './email/mailboxes/mailboxes.errors.js';

// What clients receive: changing a line here changes the API.
const CLIENT_STATUSES = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_ENTITY: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  VALIDATION_FAILED: 400,
  INVALID_CURSOR: 400,
  ROBOT_NOT_FOUND: 404,
  SECRETS_KEY_MISSING: 503,
  ROBOT_INVALID_TRANSITION: 409,
  LEASE_LOST: 409,
  NO_ELIGIBLE_MODULE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  INVALID_IDEMPOTENCY_KEY: 400,
  MODULE_INACTIVE: 409,
  MODULE_NOT_FOUND: 404,
  MODULE_ID_TOO_LONG: 400,
  REGISTRATION_DATA_TOO_LARGE: 400,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_KEY: 401,
  AUTH_FORBIDDEN: 403,
  AUTH_WRONG_MODULE: 403,
  API_KEY_NOT_FOUND: 404,
  API_KEY_MODULE_NOT_REGISTERED: 422,
  API_KEY_NOT_ROTATABLE: 409,
  RATE_LIMITED: 429,
  SUBSCRIPTION_NOT_FOUND: 404,
  DELIVERY_NOT_FOUND: 404,
  NOTIFICATION_TARGET_INVALID: 400,
  UNKNOWN_EVENT_TYPE: 400,
  NOTIFICATION_SETTING_NOT_FOR_CHANNEL: 400,
  SUBSCRIPTION_READ_ONLY: 409,
  SUBSCRIPTION_HAS_NO_SECRET: 409,
  SUBSCRIPTION_DISABLED: 409,
  DELIVERY_NOT_ENDED: 409,
  INBOX_NOTIFICATION_NOT_FOUND: 404,
  INBOX_AUDIENCE_FORBIDDEN: 403,
  INVALID_LAST_EVENT_ID: 400,
  INBOX_STREAMS_PER_KEY_EXCEEDED: 429,
  INBOX_STREAMS_EXHAUSTED: 503,
  TEMPLATE_INVALID: 422,
  TEMPLATE_OVERRIDE_NOT_FOUND: 404,
  OCR_NOT_MULTIPART: 415,
  OCR_MALFORMED_UPLOAD: 400,
  OCR_FILE_MISSING: 400,
  OCR_TOO_MANY_FILES: 400,
  OCR_FILE_TOO_LARGE: 413,
  OCR_UNSUPPORTED_TYPE: 422,
  OCR_UNREADABLE_DOCUMENT: 422,
  OCR_EXTRACTOR_UNAVAILABLE: 422,
  OCR_DOCUMENT_MISSING: 422,
  OCR_DOCUMENT_NOT_FOUND: 404,
  OCR_TOO_LARGE: 413,
  OCR_TOO_MANY_PAGES: 422,
  OCR_TOO_MANY_PIXELS: 422,
  OCR_CORRUPT: 422,
  OCR_ENCRYPTED: 422,
  OCR_LANGUAGE_UNAVAILABLE: 422,
  OCR_ENGINE_UNAVAILABLE: 422,
  OCR_ENGINES_FAILED: 503,
  OCR_CANCELLED: 503,
  INVOICE_TEMPLATE_NOT_FOUND: 404,
  INVOICE_TEMPLATE_VENDOR_EXISTS: 409,
  INVOICE_TEMPLATE_INVALID: 400,
  INVOICE_TEMPLATE_PATTERN_UNSAFE: 422,
  REVIEW_NOT_FOUND: 404,
  REVIEW_NOT_PENDING: 409,
  REVIEW_ANSWER_INVALID: 400,
  EMAIL_CLASS_NOT_FOUND: 404,
  EMAIL_RULE_NOT_FOUND: 404,
  EMAIL_RULE_NAME_TAKEN: 409,
  EMAIL_RULE_INVALID: 400,
  EMAIL_RULE_PATTERN_UNSAFE: 422,
  EMAIL_RULE_LIMIT_REACHED: 409,
  EMAIL_EXAMPLE_NOT_FOUND: 404,
  EMAIL_RAW_UNREADABLE: 422,
  EMAIL_MODEL_NOT_FOUND: 404,
  EMAIL_MODEL_NOT_ACTIVATABLE: 409,
  EMAIL_TRAINING_IN_PROGRESS: 409,
  EMAIL_TRAINING_TOO_FEW_EXAMPLES: 422,
  MAILBOX_NOT_FOUND: 404,
  MAILBOX_NAME_TAKEN: 409,
  MAILBOX_HOST_REFUSED: 400,
  MAILBOX_SETTINGS_INVALID: 400,
};

describe('error catalogue', () => {
  it("answers every layer's codes with the statuses clients know", () => {
    const codes = [
      ...Object.values(CoreErrorCode),
      ...Object.values(OrchestratorErrorCode),
      ...Object.values(RegistryErrorCode),
      ...Object.values(SecurityErrorCode),
      ...Object.values(StateErrorCode),
      ...Object.values(NotificationErrorCode),
      ...Object.values(InAppErrorCode),
      ...Object.values(TemplatesErrorCode),
      ...Object.values(OcrApiErrorCode),
      ...Object.values(OcrPipelineErrorCode),
      ...Object.values(InvoiceErrorCode),
      ...Object.values(ReviewErrorCode),
      ...Object.values(ClassificationErrorCode),
      ...Object.values(MailboxErrorCode),
    ];
    expect(Object.fromEntries(codes.map((code) => [code, statusOf(code)]))).toEqual(CLIENT_STATUSES);
  });

  it('refuses a code declared again with another status, and keeps the first', () => {
    expect(() => declareErrorCodes(StateErrorCode, { [StateErrorCode.DatabaseUnavailable]: 500 })).toThrow(
      'Error code SERVICE_UNAVAILABLE is declared with status 503 and with 500',
    );
    expect(statusOf(StateErrorCode.DatabaseUnavailable)).toBe(503);
  });
});
