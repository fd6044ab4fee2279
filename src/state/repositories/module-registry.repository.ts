import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { READ_DATA_SOURCE } from '../data-source.js';
import { ModuleHealth, ModuleRegistryEntity } from '../entities/index.js';

export type NewModule = Pick<
  ModuleRegistryEntity,
  'moduleId' | 'moduleName' | 'moduleVersion' | 'supportedRobotTypes'
> &
  Partial<Pick<ModuleRegistryEntity, 'healthEndpoint' | 'registrationData' | 'isActive' | 'maxConcurrentRobots'>>;

@Injectable()
export class ModuleRegistryRepository {
  constructor(
    @InjectRepository(ModuleRegistryEntity) private readonly writer: Repository<ModuleRegistryEntity>,
    @InjectRepository(ModuleRegistryEntity, READ_DATA_SOURCE) private readonly reader: Repository<ModuleRegistryEntity>,
  ) {}

  /**
   * Inserts or replaces a module's registration, keyed by its unique name. `created` tells a first
   * registration from a re-registration (xmax = 0 only for a row this statement inserted).
   */
  async register(module: NewModule): Promise<ModuleRegistryEntity & { created?: boolean }> {
    const result = await this.writer
      .createQueryBuilder()
      .insert()
      .into(ModuleRegistryEntity)
      .values({ ...module, isActive: module.isActive ?? true } as never)
      .orUpdate(
        [
          'module_id',
          'module_version',
          'supported_robot_types',
          'health_endpoint',
          'registration_data',
          'is_active',
          'max_concurrent_robots',
          'updated_at',
        ],
        ['module_name'],
      )
      .returning('(xmax = 0) AS created')
      .execute();
    const created = (result.raw as Array<{ created: boolean }>)[0]?.created;
    const saved = await this.writer.findOneByOrFail({ moduleName: module.moduleName });
    return Object.assign(saved, { created });
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

  /** Every module that declares the robot type, eligible or not: routing explains the excluded ones too. */
  findByRobotType(robotType: string): Promise<ModuleRegistryEntity[]> {
    return this.reader
      .createQueryBuilder('m')
      .where(':robotType = ANY(m.supported_robot_types)', { robotType })
      .orderBy('m.module_name')
      .getMany();
  }

  list(filter: { activeOnly: boolean; robotType?: string }): Promise<ModuleRegistryEntity[]> {
    const query = this.reader.createQueryBuilder('m').orderBy('m.module_name');
    if (filter.activeOnly) query.andWhere('m.is_active = true');
    if (filter.robotType) query.andWhere(':robotType = ANY(m.supported_robot_types)', { robotType: filter.robotType });
    return query.getMany();
  }

  /** Applies the given changes to a module; null when no module has that name. */
  async update(
    moduleName: string,
    changes: Partial<NewModule> & { maxConcurrentRobots?: number },
  ): Promise<ModuleRegistryEntity | null> {
    const result = await this.writer.update({ moduleName }, { ...changes, updatedAt: () => 'now()' } as never);
    if ((result.affected ?? 0) === 0) return null;
    return this.writer.findOneBy({ moduleName });
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
