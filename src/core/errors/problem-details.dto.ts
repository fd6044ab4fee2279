import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What `ProblemDetailsFilter` answers every error with (RFC 9457), for the OpenAPI document.
 * Extension members (a robot's `status`, `execute_id`, a health check's `checks`) may be added, so
 * the schema stays open.
 */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'about:blank', description: 'Always about:blank: `code` says which problem it is' })
  type: string;

  @ApiProperty({ example: 'Not Found', description: "The status's reason phrase" })
  title: string;

  @ApiProperty({ type: 'integer', example: 404 })
  status: number;

  @ApiProperty({ example: 'No robot LEGAL_1795310000000_42.', description: 'Safe to show to a person' })
  detail: string;

  @ApiProperty({ example: 'ROBOT_NOT_FOUND', description: 'Stable and machine-readable' })
  code: string;

  @ApiProperty({ example: '/api/v1/robots/LEGAL_1795310000000_42', description: 'The path, without the query' })
  instance: string;

  @ApiProperty({ example: '5d0c7c1e-8b7e-4a51-9a55-1f0b2c3d4e5f', description: 'Also in X-Request-Id' })
  request_id: string;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '0b9d8f3e-2f4a-4c61-8d7e-6a5b4c3d2e1f',
    description: 'On an unexpected 5xx: quote it when reporting, it is on the log line with the cause',
  })
  error_id?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['robot_type must be 1-50 lowercase letters, digits, _ . or -'],
    description: 'With VALIDATION_FAILED: every failing field',
  })
  errors?: string[];
}
