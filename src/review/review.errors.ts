import { declareErrorCodes } from '../core/errors/error-catalogue.js';

export enum ReviewErrorCode {
  ReviewNotFound = 'REVIEW_NOT_FOUND',
  /** The review was resolved or dismissed already: a second answer would overwrite the first. */
  ReviewNotPending = 'REVIEW_NOT_PENDING',
  /** Neither corrections nor `dismiss`, both, or corrections naming no field of the review. */
  ReviewAnswerInvalid = 'REVIEW_ANSWER_INVALID',
}

declare module '../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    review: ReviewErrorCode;
  }
}

declareErrorCodes(ReviewErrorCode, {
  [ReviewErrorCode.ReviewNotFound]: 404,
  [ReviewErrorCode.ReviewNotPending]: 409,
  [ReviewErrorCode.ReviewAnswerInvalid]: 400,
});
