import { ApiProperty } from '@nestjs/swagger';
import type { Classification } from '../../email.types.js';

export class FiredRuleDto {
  @ApiProperty({ format: 'uuid', example: '9b2e4c1a-7f3d-4e6b-8a5c-1d0f2e3b4a59' })
  rule_id: string;
  @ApiProperty({ example: 'bank invoices' })
  name: string;
  @ApiProperty({ enum: ['override', 'fallback'], example: 'override' })
  mode: string;
}

export class ClassRouteDto {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'invoice_processing',
    description: 'null: the class creates no robot',
  })
  robot_type: string | null;
  @ApiProperty({ example: 'NORMAL' })
  priority: string;
}

export class EmailClassificationDto {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'invoice',
    description: 'null: no model is active and no rule held',
  })
  class_name: string | null;
  @ApiProperty({ type: 'number', example: 0.93, description: "0-1; a rule's decision is 1" })
  confidence: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { invoice: 0.93, spam: 0.07 },
    description: "every class's probability from the active model (empty without one)",
  })
  probabilities: Record<string, number>;
  @ApiProperty({ enum: ['model', 'rule', 'none'], example: 'model' })
  decided_by: string;
  @ApiProperty({ type: FiredRuleDto, nullable: true, description: 'the rule that decided, if one did' })
  rule: FiredRuleDto | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 3 })
  model_version: number | null;
  @ApiProperty({ type: 'number', example: 0.6, description: "the class's min_confidence, else EMAIL_MIN_CONFIDENCE" })
  threshold: number;
  @ApiProperty({ example: false, description: 'confidence below the threshold, or no class: a person decides' })
  needs_review: boolean;
  @ApiProperty({ type: ClassRouteDto, nullable: true, description: "the class's route; null when the class has none" })
  route: ClassRouteDto | null;
  @ApiProperty({ example: false, description: 'answered from the cache' })
  cached: boolean;
  @ApiProperty({
    example: '5d41402abc4b2a76b9719d911017c592...',
    description: 'the content hash the result is cached by',
  })
  content_sha256: string;

  static of(result: Classification, contentSha256: string): EmailClassificationDto {
    return {
      class_name: result.class_name,
      confidence: result.confidence,
      probabilities: result.probabilities,
      decided_by: result.decided_by,
      rule: result.rule,
      model_version: result.model_version,
      threshold: result.threshold,
      needs_review: result.needs_review,
      route: result.route,
      cached: result.cached,
      content_sha256: contentSha256,
    };
  }
}
