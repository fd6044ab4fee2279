import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { READ_DATA_SOURCE } from '../data-source.js';
import { ModuleHealth, ModuleRegistryEntity } from '../entities/index.js';

export type NewModule = Pick<
  ModuleRegistryEntity,
  'moduleId' | 'moduleName' | 'moduleVersion' | 'supportedRobotTypes'
> &
  Partial<Pick<ModuleRegistryEntity, 'healthEndpoint' | 'registrationData' | 'isActive'>>;

@Injectable()
export class ModuleRegistryRepository {
  constructor(
    @InjectRepository(ModuleRegistryEntity) private readonly writer: Repository<ModuleRegistryEntity>,
    @InjectRepository(ModuleRegistryEntity, READ_DATA_SOURCE) private readonly reader: Repository<ModuleRegistryEntity>,
  ) {}

  /** Inserts or replaces a module's registration, keyed by its unique name. */
  async register(module: NewModule): Promise<ModuleRegistryEntity> {
    await this.writer.upsert({ ...module, updatedAt: () => 'now()' } as never, ['moduleName']);
    return this.writer.findOneByOrFail({ moduleName: module.moduleName });
  }

  findByName(moduleName: string): Promise<ModuleRegistryEntity | null> {
    return this.reader.findOneBy({ moduleName });
  }

  /** Active, not UNHEALTHY modules that declare the robot type: routing's candidate set. */
  findRoutableModules(robotType: string): Promise<ModuleRegistryEntity[]> {
    return this.reader
      .createQueryBuilder('m')
      .where('m.is_active = true')
      .andWhere(':robotType = ANY(m.supported_robot_types)', { robotType })
      .andWhere(`m.health_status IS DISTINCT FROM 'UNHEALTHY'`)
      .orderBy('m.performance_score', 'DESC', 'NULLS LAST')
      .getMany();
  }

  listActive(): Promise<ModuleRegistryEntity[]> {
    return this.reader.find({ where: { isActive: true }, order: { moduleName: 'ASC' } });
  }

  async deactivate(moduleName: string): Promise<boolean> {
    const result = await this.writer.update({ moduleName }, { isActive: false, updatedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  async recordHealth(moduleName: string, health: ModuleHealth): Promise<void> {
    await this.writer.update(
      { moduleName },
      { healthStatus: health, lastHealthCheck: () => 'now()', updatedAt: () => 'now()' },
    );
  }
}
