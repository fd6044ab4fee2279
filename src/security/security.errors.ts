import { declareErrorCodes } from '../core/errors/error-catalogue.js';

export enum SecurityErrorCode {
  AuthRequired = 'AUTH_REQUIRED',
  AuthInvalidKey = 'AUTH_INVALID_KEY',
  AuthForbidden = 'AUTH_FORBIDDEN',
  /** A module-bound key asked for another module's data or work. */
  AuthWrongModule = 'AUTH_WRONG_MODULE',
  ApiKeyNotFound = 'API_KEY_NOT_FOUND',
  ApiKeyModuleNotRegistered = 'API_KEY_MODULE_NOT_REGISTERED',
  ApiKeyNotRotatable = 'API_KEY_NOT_ROTATABLE',
  RateLimited = 'RATE_LIMITED',
  /** A secret must be stored or read, and SECRETS_KEY is not configured (DATABASE_URL deployments). */
  SecretsKeyMissing = 'SECRETS_KEY_MISSING',
}

declare module '../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    security: SecurityErrorCode;
  }
}

declareErrorCodes(SecurityErrorCode, {
  [SecurityErrorCode.AuthRequired]: 401,
  [SecurityErrorCode.AuthInvalidKey]: 401,
  [SecurityErrorCode.AuthForbidden]: 403,
  [SecurityErrorCode.AuthWrongModule]: 403,
  [SecurityErrorCode.ApiKeyNotFound]: 404,
  [SecurityErrorCode.ApiKeyModuleNotRegistered]: 422,
  [SecurityErrorCode.ApiKeyNotRotatable]: 409,
  [SecurityErrorCode.RateLimited]: 429,
  [SecurityErrorCode.SecretsKeyMissing]: 503,
});
