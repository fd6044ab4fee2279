import { declareErrorCodes } from '../core/errors/error-catalogue.js';

export enum InvoiceErrorCode {
  TemplateNotFound = 'INVOICE_TEMPLATE_NOT_FOUND',
  /** A template for this vendor from this source exists already (one USER and one LEARNED per vendor). */
  TemplateVendorExists = 'INVOICE_TEMPLATE_VENDOR_EXISTS',
  /** A field name that is not an invoice field, blank keywords, a bad option. */
  TemplateInvalid = 'INVOICE_TEMPLATE_INVALID',
  /** A pattern that does not compile, is too long, or could backtrack without bound. */
  TemplatePatternUnsafe = 'INVOICE_TEMPLATE_PATTERN_UNSAFE',
}

declare module '../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    invoice: InvoiceErrorCode;
  }
}

declareErrorCodes(InvoiceErrorCode, {
  [InvoiceErrorCode.TemplateNotFound]: 404,
  [InvoiceErrorCode.TemplateVendorExists]: 409,
  [InvoiceErrorCode.TemplateInvalid]: 400,
  [InvoiceErrorCode.TemplatePatternUnsafe]: 422,
});
