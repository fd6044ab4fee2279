import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

const MB = 1024 * 1024;

/** The OCR API: the content-addressed store, upload limits, synchronous answers, the robot's timeout. */
export class OcrApiSettings {
  /**
   * Where uploaded documents and attachments are kept, by SHA-256 (default `<DATA_DIR>/blobs`).
   * With several instances this folder must be shared by all of them (a volume).
   */
  @IsOptional()
  @IsString()
  CONTENT_STORE_DIR?: string;

  /** `sync=true` answers at once only for documents up to this size ... */
  @IsInt()
  @Min(0)
  OCR_SYNC_MAX_BYTES: number = 2 * MB;

  /** ... and this many pages; larger ones get 202. */
  @IsInt()
  @Min(0)
  @Max(1_000)
  OCR_SYNC_MAX_PAGES: number = 2;

  /**
   * How long a synchronous upload waits for its result before answering 202 instead. Keep it
   * below REQUEST_TIMEOUT_MS, which bounds the whole request.
   */
  @IsInt()
  @Min(100)
  @Max(600_000)
  OCR_SYNC_TIMEOUT_MS: number = 20_000;

  /** Files one batch upload may carry. */
  @IsInt()
  @Min(1)
  @Max(100)
  OCR_BATCH_MAX_FILES: number = 10;

  /** Per-attempt timeout of an `ocr_extract` robot. */
  @IsInt()
  @Min(10)
  @Max(86_400)
  OCR_ROBOT_TIMEOUT_SECONDS: number = 600;
}
