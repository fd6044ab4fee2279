import { declareErrorCodes } from '../core/errors/error-catalogue.js';

/** The in-app inbox and its live stream. */
export enum InAppErrorCode {
  InboxNotificationNotFound = 'INBOX_NOTIFICATION_NOT_FOUND',
  InboxAudienceForbidden = 'INBOX_AUDIENCE_FORBIDDEN',
  InvalidLastEventId = 'INVALID_LAST_EVENT_ID',
  StreamsPerKeyExceeded = 'INBOX_STREAMS_PER_KEY_EXCEEDED',
  StreamsExhausted = 'INBOX_STREAMS_EXHAUSTED',
}

declare module '../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    inApp: InAppErrorCode;
  }
}

declareErrorCodes(InAppErrorCode, {
  [InAppErrorCode.InboxNotificationNotFound]: 404,
  [InAppErrorCode.InboxAudienceForbidden]: 403,
  [InAppErrorCode.InvalidLastEventId]: 400,
  [InAppErrorCode.StreamsPerKeyExceeded]: 429,
  [InAppErrorCode.StreamsExhausted]: 503,
});
