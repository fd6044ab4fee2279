import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RobotResponseDto } from './robot-response.dto.js';

/**
 * The response header that repeats a create's warnings, one `CODE robot_type` per warning, comma
 * separated: a client that only logs headers (or a curl -i) still sees them. Not the standard
 * `Warning` header: RFC 9111 obsoleted it, and its grammar (code, agent, quoted text) is for caches.
 */
export const WARNING_HEADER = 'Botfleet-Warning';

export enum RobotWarningCode {
  /** No registered module, active or not, declares the type: most often a typo. */
  UnknownRobotType = 'UNKNOWN_ROBOT_TYPE',
}

/** Something the caller likely did not mean, though the request was valid and was carried out. */
export class RobotWarningDto {
  @ApiProperty({ enum: RobotWarningCode, example: RobotWarningCode.UnknownRobotType }) code: RobotWarningCode;
  @ApiProperty({
    example: 'No registered module handles robot_type legal_reveiw: the robot waits until one is registered.',
  })
  message: string;
  @ApiProperty({ example: 'legal_reveiw' }) robot_type: string;

  static unknownRobotType(robotType: string): RobotWarningDto {
    return {
      code: RobotWarningCode.UnknownRobotType,
      message:
        `No registered module handles robot_type ${robotType}: the robot waits (PENDING) until one is registered ` +
        'that declares it. Check the spelling against GET /api/v1/modules.',
      robot_type: robotType,
    };
  }

  /** The header value for these warnings. */
  static header(warnings: RobotWarningDto[]): string {
    return warnings.map((warning) => `${warning.code} ${warning.robot_type}`).join(', ');
  }
}

/** A subscription made for the robot by `notify`. */
export class RobotNotifySubscriptionDto {
  @ApiProperty({ format: 'uuid', example: '0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f' }) subscription_id: string;
  @ApiProperty({ example: 'webhook' }) channel: string;
  @ApiProperty({ example: 'https://hooks.example.com/robots', description: 'As stored (normalised)' }) target: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Webhooks: the signing secret, shown in this answer only; null for other channels',
  })
  secret: string | null;
}

/** A create's answer: the robot, and `warnings` only when there is something to warn about. */
export class CreatedRobotResponseDto extends RobotResponseDto {
  @ApiPropertyOptional({ type: RobotWarningDto, isArray: true, description: 'Present only when not empty' })
  warnings?: RobotWarningDto[];

  @ApiPropertyOptional({
    type: RobotNotifySubscriptionDto,
    isArray: true,
    description: 'Present when the robot was created with `notify` (not on an idempotent replay)',
  })
  notify?: RobotNotifySubscriptionDto[];
}
