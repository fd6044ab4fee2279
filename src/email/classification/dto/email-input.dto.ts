import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** A class or label: what the model answers and routes are keyed by. */
export const CLASS_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/;
export const CLASS_NAME_MESSAGE = 'must be 1-50 letters, digits, _ . or -, starting with a letter or digit';
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

/** An email as the API takes it: `raw` (the RFC 822 text), or `text` with what else is known. */
export class EmailInputDto {
  @ApiPropertyOptional({
    example: 'From: billing@bank.example\r\nSubject: Invoice 42\r\n\r\nPlease find the invoice attached.',
    description: 'the whole message as RFC 822 text; or send text (and subject, from, attachment_types) instead',
  })
  @IsOptional()
  @IsString()
  raw?: string;

  @ApiPropertyOptional({ example: 'Invoice 42', maxLength: 998 })
  @IsOptional()
  @IsString()
  @MaxLength(998)
  subject?: string;

  @ApiPropertyOptional({ example: 'billing@bank.example', maxLength: 320, description: "the sender's address" })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  from?: string;

  @ApiPropertyOptional({ example: 'Please find the invoice attached.', description: 'the plain-text body' })
  @IsOptional()
  @IsString()
  text?: string;

  @ApiPropertyOptional({ type: [String], example: ['application/pdf'], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(MEDIA_TYPE, { each: true, message: 'each attachment type must be a media type such as application/pdf' })
  attachment_types?: string[];
}
