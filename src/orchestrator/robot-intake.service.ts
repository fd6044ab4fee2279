import { Injectable } from '@nestjs/common';
import { DomainException } from '../core/errors/domain.exception.js';
import { CoreErrorCode } from '../core/errors/error-catalogue.js';
import {
  type CreateRobotCommand,
  ROBOT_LIMITS,
  type RobotIntake,
  type RobotNotifyAnswer,
  type WrittenAlongside,
} from '../sdk/index.js';
import type { RobotResponseDto } from './dto/robot-response.dto.js';
import type { RobotWarningDto } from './dto/robot-warning.dto.js';
import { OrchestratorErrorCode } from './orchestrator.errors.js';
import { RobotsService } from './robots.service.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,255}$/;

function checkIdempotencyKey(idempotencyKey: string | undefined): void {
  if (idempotencyKey !== undefined && !(typeof idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(idempotencyKey))) {
    throw new DomainException(
      OrchestratorErrorCode.InvalidIdempotencyKey,
      'Idempotency-Key must be 8-255 letters, digits, . _ : or -.',
    );
  }
}

/**
 * Robot intake, the one way robots are created: the REST controller and the layers that turn mail
 * and documents into robots all come through here with validated commands (ROBOT_INTAKE).
 */
@Injectable()
export class RobotIntakeService implements RobotIntake {
  constructor(private readonly robots: RobotsService) {}

  async create(
    command: CreateRobotCommand,
    idempotencyKey?: string,
    alongside?: WrittenAlongside,
  ): Promise<{
    robot: RobotResponseDto;
    created: boolean;
    warnings: RobotWarningDto[];
    notify?: RobotNotifyAnswer[];
  }> {
    checkIdempotencyKey(idempotencyKey);
    return this.robots.create(command, idempotencyKey, alongside);
  }

  async createMany(
    commands: CreateRobotCommand[],
    idempotencyKey?: string,
  ): Promise<{ robots: RobotResponseDto[]; created: boolean; warnings: RobotWarningDto[] }> {
    checkIdempotencyKey(idempotencyKey);
    if (commands.length === 0 || commands.length > ROBOT_LIMITS.robotsPerCall) {
      throw new DomainException(
        CoreErrorCode.ValidationFailed,
        `A call creates 1-${ROBOT_LIMITS.robotsPerCall} robots; this one has ${commands.length}.`,
      );
    }
    return this.robots.createMany(commands, idempotencyKey);
  }
}
