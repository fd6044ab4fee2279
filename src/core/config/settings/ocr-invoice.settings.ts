import { IsEnum, IsInt, IsNumber, Max, Min } from 'class-validator';

export enum OcrReviewMode {
  /** The document waits, NEEDS_REVIEW, until a person resolves its review; then it is COMPLETED. */
  Wait = 'wait',
  /** The document completes at once with `needs_review` listed; a later review still corrects it. */
  Complete = 'complete',
}

/** Invoice field extraction, vendor templates and the human review of doubtful fields. */
export class OcrInvoiceSettings {
  /** Fields whose confidence (0-1) is below this go to the review queue. */
  @IsNumber()
  @Min(0)
  @Max(1)
  OCR_REVIEW_THRESHOLD: number = 0.8;

  @IsEnum(OcrReviewMode)
  OCR_REVIEW_MODE: OcrReviewMode = OcrReviewMode.Wait;

  /** How long one template pattern may run on one document before it is stopped (ReDoS guard). */
  @IsInt()
  @Min(5)
  @Max(5_000)
  OCR_TEMPLATE_REGEX_TIMEOUT_MS: number = 50;
}
