import { declareErrorCodes } from '../../core/errors/error-catalogue.js';

/** What the classification API refuses, beyond request validation (VALIDATION_FAILED). */
export enum ClassificationErrorCode {
  ClassNotFound = 'EMAIL_CLASS_NOT_FOUND',
  RuleNotFound = 'EMAIL_RULE_NOT_FOUND',
  /** Rule names are unique, case-insensitive. */
  RuleNameTaken = 'EMAIL_RULE_NAME_TAKEN',
  /** No condition, a sender glob, domain or attachment type that is not one. */
  RuleInvalid = 'EMAIL_RULE_INVALID',
  /** A pattern that does not compile, is too long, or could backtrack without bound. */
  RulePatternUnsafe = 'EMAIL_RULE_PATTERN_UNSAFE',
  /** Every rule runs on every email: their number is bounded. */
  RuleLimitReached = 'EMAIL_RULE_LIMIT_REACHED',
  ExampleNotFound = 'EMAIL_EXAMPLE_NOT_FOUND',
  /** `raw` has no header block a mail parser recognises. */
  ExampleUnreadable = 'EMAIL_RAW_UNREADABLE',
  ModelNotFound = 'EMAIL_MODEL_NOT_FOUND',
  /** Only a READY or RETIRED version can be activated (not one TRAINING, FAILED or active already). */
  ModelNotActivatable = 'EMAIL_MODEL_NOT_ACTIVATABLE',
  /** One training at a time across the fleet. */
  TrainingInProgress = 'EMAIL_TRAINING_IN_PROGRESS',
  /** Fewer than two labels, or fewer examples than cross-validation needs. */
  TooFewExamples = 'EMAIL_TRAINING_TOO_FEW_EXAMPLES',
}

declare module '../../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    emailClassification: ClassificationErrorCode;
  }
}

declareErrorCodes(ClassificationErrorCode, {
  [ClassificationErrorCode.ClassNotFound]: 404,
  [ClassificationErrorCode.RuleNotFound]: 404,
  [ClassificationErrorCode.RuleNameTaken]: 409,
  [ClassificationErrorCode.RuleInvalid]: 400,
  [ClassificationErrorCode.RulePatternUnsafe]: 422,
  [ClassificationErrorCode.RuleLimitReached]: 409,
  [ClassificationErrorCode.ExampleNotFound]: 404,
  [ClassificationErrorCode.ExampleUnreadable]: 422,
  [ClassificationErrorCode.ModelNotFound]: 404,
  [ClassificationErrorCode.ModelNotActivatable]: 409,
  [ClassificationErrorCode.TrainingInProgress]: 409,
  [ClassificationErrorCode.TooFewExamples]: 422,
});
