import { DomainException } from '../core/errors/domain.exception.js';

export enum RegistryErrorCode {
  ModuleNotFound = 'MODULE_NOT_FOUND',
  ModuleIdTooLong = 'MODULE_ID_TOO_LONG',
  RegistrationDataTooLarge = 'REGISTRATION_DATA_TOO_LARGE',
}

export const moduleNotFound = (name: string) =>
  new DomainException(RegistryErrorCode.ModuleNotFound, 404, `No module is registered as ${name}.`);
