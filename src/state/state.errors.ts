import { declareErrorCodes } from '../core/errors/error-catalogue.js';

export enum StateErrorCode {
  /** The database breaker is open: the client's code for it is the generic 503's. */
  DatabaseUnavailable = 'SERVICE_UNAVAILABLE',
}

declare module '../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    state: StateErrorCode;
  }
}

declareErrorCodes(StateErrorCode, { [StateErrorCode.DatabaseUnavailable]: 503 });
