import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { READ_DATA_SOURCE } from '../data-source.js';
import { RobotEntity, RobotExecuteEntity } from '../entities/index.js';

export type NewRobot = Pick<RobotEntity, 'robotId' | 'robotType' | 'moduleName' | 'inputData'> &
  Partial<Pick<RobotEntity, 'priority' | 'cacheKey' | 'correlationId' | 'sourceReference' | 'retryLimit'>>;

@Injectable()
export class RobotRepository {
  constructor(
    @InjectRepository(RobotEntity) private readonly writer: Repository<RobotEntity>,
    @InjectRepository(RobotEntity, READ_DATA_SOURCE) private readonly reader: Repository<RobotEntity>,
  ) {}

  /** The seeds' creation: the robot and its first execution row in one transaction. */
  async createWithExecution(robot: NewRobot, executeId: string): Promise<RobotEntity> {
    return this.writer.manager.transaction(async (tx) => {
      await tx.insert(RobotEntity, robot as QueryDeepPartialEntity<RobotEntity>);
      await tx.insert(RobotExecuteEntity, { executeId, robotId: robot.robotId, moduleName: robot.moduleName });
      return tx.findOneByOrFail(RobotEntity, { robotId: robot.robotId });
    });
  }

  findById(robotId: string): Promise<RobotEntity | null> {
    return this.reader.findOneBy({ robotId });
  }

  /** A robot created earlier with the same idempotency key (`cache_key` is unique). */
  findByCacheKey(cacheKey: string): Promise<RobotEntity | null> {
    return this.reader.findOneBy({ cacheKey });
  }
}
