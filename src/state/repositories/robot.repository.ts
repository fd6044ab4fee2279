import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { READ_DATA_SOURCE } from '../data-source.js';
import { RobotEntity } from '../entities/index.js';

@Injectable()
export class RobotRepository {
  constructor(@InjectRepository(RobotEntity, READ_DATA_SOURCE) private readonly reader: Repository<RobotEntity>) {}

  findById(robotId: string): Promise<RobotEntity | null> {
    return this.reader.findOneBy({ robotId });
  }

  /** A robot created earlier with the same idempotency key (`cache_key` is unique). */
  findByCacheKey(cacheKey: string): Promise<RobotEntity | null> {
    return this.reader.findOneBy({ cacheKey });
  }
}
