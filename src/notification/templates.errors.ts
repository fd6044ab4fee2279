import { DomainException } from '../core/errors/domain.exception.js';
import { declareErrorCodes } from '../core/errors/error-catalogue.js';

/** What the templates API refuses, beyond request validation (VALIDATION_FAILED). */
export enum TemplatesErrorCode {
  /** Does not compile, or names a field, helper or variable its event does not have. */
  TemplateInvalid = 'TEMPLATE_INVALID',
  /** DELETE of a template that has no stored override: it already is the default. */
  TemplateOverrideNotFound = 'TEMPLATE_OVERRIDE_NOT_FOUND',
}

declare module '../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    templates: TemplatesErrorCode;
  }
}

declareErrorCodes(TemplatesErrorCode, {
  [TemplatesErrorCode.TemplateInvalid]: 422,
  [TemplatesErrorCode.TemplateOverrideNotFound]: 404,
});

/** `errors` lists every problem, each naming its part, line and field. */
export const templateInvalid = (key: string, problems: string[]) =>
  new DomainException(
    TemplatesErrorCode.TemplateInvalid,
    `The ${key} template is refused: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
    { errors: problems },
  );

export const templateOverrideNotFound = (key: string) =>
  new DomainException(
    TemplatesErrorCode.TemplateOverrideNotFound,
    `The ${key} template has no stored override: it is the shipped default.`,
  );
