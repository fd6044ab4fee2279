import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { READ_DATA_SOURCE } from '../data-source.js';
import { RobotExecuteEntity } from '../entities/index.js';

@Injectable()
export class RobotExecuteRepository {
  constructor(
    @InjectRepository(RobotExecuteEntity, READ_DATA_SOURCE) private readonly reader: Repository<RobotExecuteEntity>,
  ) {}

  /** A robot's attempts, first to last. */
  historyOf(robotId: string): Promise<RobotExecuteEntity[]> {
    return this.reader.find({ where: { robotId }, order: { startedAt: 'ASC' } });
  }
}
