import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ROBOT_TYPE_PATTERN } from '../../../core/validation/identifiers.js';
import { Priority } from '../../../sdk/enums.js';
import type { EmailClassRow } from '../repositories/email-classes.repository.js';
import { CLASS_NAME_MESSAGE, CLASS_NAME_PATTERN } from './email-input.dto.js';

export class PutEmailClassDto {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'invoice_processing',
    description: 'the robot type an email of this class becomes; null: none (spam, newsletters)',
  })
  @ValidateIf((_, value) => value !== null)
  @Matches(ROBOT_TYPE_PATTERN, { message: 'robot_type must be 1-50 lowercase letters, digits, _ . or -' })
  robot_type: string | null;

  @ApiPropertyOptional({
    type: 'number',
    minimum: 0,
    maximum: 1,
    example: 0.8,
    description: 'below this confidence a person reviews the email; EMAIL_MIN_CONFIDENCE by default',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 3 })
  @Min(0)
  @Max(1)
  min_confidence?: number;

  @ApiPropertyOptional({ enum: Priority, default: Priority.Normal })
  @IsOptional()
  @IsEnum(Priority)
  priority?: Priority;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500, example: 'Supplier invoices to pay' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}

export class EmailClassDto {
  @ApiProperty({ example: 'invoice' })
  class_name: string;
  @ApiProperty({ nullable: true, type: String, example: 'invoice_processing' })
  robot_type: string | null;
  @ApiProperty({ type: 'number', example: 0.8 })
  min_confidence: number;
  @ApiProperty({ enum: Priority, example: Priority.Normal })
  priority: string;
  @ApiProperty({ nullable: true, type: String, example: 'Supplier invoices to pay' })
  description: string | null;
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z' })
  created_at: string;
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z' })
  updated_at: string;

  static of(row: EmailClassRow): EmailClassDto {
    return {
      class_name: row.class_name,
      robot_type: row.robot_type,
      min_confidence: row.min_confidence,
      priority: row.priority,
      description: row.description,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
    };
  }
}

export class EmailClassListDto {
  @ApiProperty({ type: EmailClassDto, isArray: true, description: 'by name' })
  items: EmailClassDto[];
}

export class EmailClassParamDto {
  @ApiProperty({ example: 'invoice' })
  @Matches(CLASS_NAME_PATTERN, { message: `name ${CLASS_NAME_MESSAGE}` })
  name: string;
}
