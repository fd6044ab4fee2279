import { describe, expect, it } from '@jest/globals';
import { CoreErrorCode, declareErrorCodes, statusOf } from './core/errors/error-catalogue.js';
import { InvoiceErrorCode } from './ocr/invoice.errors.js';
import { OrchestratorErrorCode } from './orchestrator/orchestrator.errors.js';
import { RegistryErrorCode } from './registry/registry.errors.js';
import { ReviewErrorCode } from './review/review.errors.js';
import { SecurityErrorCode } from './security/security.errors.js';
import { StateErrorCode } from './state/state.errors.js';

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
  INVOICE_TEMPLATE_NOT_FOUND: 404,
  INVOICE_TEMPLATE_VENDOR_EXISTS: 409,
  INVOICE_TEMPLATE_INVALID: 400,
  INVOICE_TEMPLATE_PATTERN_UNSAFE: 422,
  REVIEW_NOT_FOUND: 404,
  REVIEW_NOT_PENDING: 409,
  REVIEW_ANSWER_INVALID: 400,
};

describe('error catalogue', () => {
  it("answers every layer's codes with the statuses clients know", () => {
    const codes = [
      ...Object.values(CoreErrorCode),
      ...Object.values(OrchestratorErrorCode),
      ...Object.values(RegistryErrorCode),
      ...Object.values(SecurityErrorCode),
      ...Object.values(StateErrorCode),
      ...Object.values(InvoiceErrorCode),
      ...Object.values(ReviewErrorCode),
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
