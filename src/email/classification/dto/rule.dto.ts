import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { EmailRuleRow } from '../repositories/email-rules.repository.js';
import { MAX_PATTERN_LENGTH } from '../rules/pattern-safety.js';
import type { RuleMode } from '../rules/rule-set.js';
import { CLASS_NAME_MESSAGE, CLASS_NAME_PATTERN } from './email-input.dto.js';

const NO_CONTROL = /^[^\p{Cc}\p{Cf}]*\S[^\p{Cc}\p{Cf}]*$/u;
export const RULE_MODES = ['override', 'fallback'] as const;

export class RuleConditionsDto {
  @ApiPropertyOptional({ example: '*@bank.example', description: "the sender's address, or a glob (* and ?)" })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  from?: string;

  @ApiPropertyOptional({ example: 'bank.example', description: "the sender's domain or a subdomain of it" })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  domain?: string;

  @ApiPropertyOptional({
    example: '^(invoice|factura)\\b',
    maxLength: MAX_PATTERN_LENGTH,
    description: 'a regular expression found in the subject (case-insensitive, Unicode)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PATTERN_LENGTH)
  subject_pattern?: string;

  @ApiPropertyOptional({
    example: 'amount due',
    maxLength: MAX_PATTERN_LENGTH,
    description:
      'a regular expression found in the first 10,000 characters of the text; no nested quantifiers, repeated alternations, backreferences, nor more than 3 unbounded quantifiers',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PATTERN_LENGTH)
  body_pattern?: string;

  @ApiPropertyOptional({
    example: 'application/pdf',
    description: 'an attachment of this media type, or family (image/*)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(192)
  has_attachment_type?: string;
}

export class CreateRuleDto {
  @ApiProperty({ example: 'bank invoices', maxLength: 100, description: 'unique, case-insensitive' })
  @IsString()
  @Length(1, 100)
  @Matches(NO_CONTROL, { message: 'name must be printable text' })
  name: string;

  @ApiPropertyOptional({
    type: 'integer',
    default: 100,
    example: 10,
    description: 'rules are consulted by position, lowest first',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @ApiProperty({ type: RuleConditionsDto, description: 'every condition given must hold; at least one' })
  @IsObject()
  @ValidateNested()
  @Type(() => RuleConditionsDto)
  conditions: RuleConditionsDto;

  @ApiProperty({ example: 'invoice', description: 'the class the rule decides' })
  @Matches(CLASS_NAME_PATTERN, { message: `class_name ${CLASS_NAME_MESSAGE}` })
  class_name: string;

  @ApiPropertyOptional({
    enum: RULE_MODES,
    default: 'override',
    description: 'override: decides whatever the model says; fallback: decides only when the model is unsure or absent',
  })
  @IsOptional()
  @IsIn(RULE_MODES)
  mode?: RuleMode;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** Any of the fields; `conditions`, when given, replaces the rule's conditions whole. */
export class UpdateRuleDto {
  @ApiPropertyOptional({ example: 'bank invoices', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(NO_CONTROL, { message: 'name must be printable text' })
  name?: string;

  @ApiPropertyOptional({ type: 'integer', example: 10 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @ApiPropertyOptional({ type: RuleConditionsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RuleConditionsDto)
  conditions?: RuleConditionsDto;

  @ApiPropertyOptional({ example: 'invoice' })
  @IsOptional()
  @Matches(CLASS_NAME_PATTERN, { message: `class_name ${CLASS_NAME_MESSAGE}` })
  class_name?: string;

  @ApiPropertyOptional({ enum: RULE_MODES })
  @IsOptional()
  @IsIn(RULE_MODES)
  mode?: RuleMode;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class EmailRuleDto {
  @ApiProperty({ format: 'uuid', example: '9b2e4c1a-7f3d-4e6b-8a5c-1d0f2e3b4a59' })
  rule_id: string;
  @ApiProperty({ example: 'bank invoices' })
  name: string;
  @ApiProperty({ type: 'integer', example: 10 })
  position: number;
  @ApiProperty({ type: RuleConditionsDto })
  conditions: RuleConditionsDto;
  @ApiProperty({ example: 'invoice' })
  class_name: string;
  @ApiProperty({ enum: RULE_MODES, example: 'override' })
  mode: string;
  @ApiProperty({ example: true })
  enabled: boolean;
  @ApiProperty({ nullable: true, type: String, example: '0000ad01' })
  created_by: string | null;
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z' })
  created_at: string;
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z' })
  updated_at: string;

  static of(row: EmailRuleRow): EmailRuleDto {
    return {
      rule_id: row.rule_id,
      name: row.name,
      position: row.position,
      conditions: row.conditions,
      class_name: row.class_name,
      mode: row.mode,
      enabled: row.enabled,
      created_by: row.created_by,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
    };
  }
}

export class EmailRuleListDto {
  @ApiProperty({ type: EmailRuleDto, isArray: true, description: 'in the order they are consulted' })
  items: EmailRuleDto[];
}

export class EmailRuleParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}
