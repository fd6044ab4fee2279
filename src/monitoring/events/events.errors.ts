import { declareErrorCodes } from '../../core/errors/error-catalogue.js';

export enum EventsErrorCode {
  ConsumerNotFound = 'EVENT_CONSUMER_NOT_FOUND',
  ConsumerRunning = 'EVENT_CONSUMER_RUNNING',
  ParkedEventNotFound = 'PARKED_EVENT_NOT_FOUND',
}

declare module '../../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    events: EventsErrorCode;
  }
}

declareErrorCodes(EventsErrorCode, {
  [EventsErrorCode.ConsumerNotFound]: 404,
  [EventsErrorCode.ConsumerRunning]: 409,
  [EventsErrorCode.ParkedEventNotFound]: 404,
});
