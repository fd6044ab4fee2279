import { DomainException } from '../core/errors/domain.exception.js';
import { declareErrorCodes } from '../core/errors/error-catalogue.js';

export enum RegistryErrorCode {
  ModuleNotFound = 'MODULE_NOT_FOUND',
  ModuleIdTooLong = 'MODULE_ID_TOO_LONG',
  RegistrationDataTooLarge = 'REGISTRATION_DATA_TOO_LARGE',
}

declare module '../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    registry: RegistryErrorCode;
  }
}

declareErrorCodes(RegistryErrorCode, {
  [RegistryErrorCode.ModuleNotFound]: 404,
  [RegistryErrorCode.ModuleIdTooLong]: 400,
  [RegistryErrorCode.RegistrationDataTooLarge]: 400,
});

export const moduleNotFound = (name: string) =>
  new DomainException(RegistryErrorCode.ModuleNotFound, `No module is registered as ${name}.`);
