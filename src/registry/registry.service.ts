import { Injectable, Logger } from '@nestjs/common';
import { CacheService } from '../cache/cache.service.js';
import { CacheKind, cacheKey } from '../cache/cache-ttl.policy.js';
import { AppConfig } from '../core/config/app-config.service.js';
import { DomainException } from '../core/errors/domain.exception.js';
import { LoadBalancerService } from '../load-balancer/load-balancer.service.js';
import type { ModuleRegistryEntity } from '../state/entities/index.js';
import { ModuleRegistryRepository } from '../state/repositories/module-registry.repository.js';
import { ModuleResponseDto } from './dto/module-response.dto.js';
import type { ListModulesQueryDto } from './dto/list-modules-query.dto.js';
import type { RegisterModuleDto, UpdateModuleDto } from './dto/register-module.dto.js';
import { moduleNotFound, RegistryErrorCode } from './registry.errors.js';

const MAX_MODULE_ID = 100; // module_registry.module_id VARCHAR(100)
const MAX_REGISTRATION_DATA_BYTES = 16 * 1024;

/** Module registration [Module Assembly]: every change invalidates the routing tables at once. */
@Injectable()
export class RegistryService {
  private readonly logger = new Logger(RegistryService.name);
  private readonly env: string;

  constructor(
    private readonly modules: ModuleRegistryRepository,
    private readonly loadBalancer: LoadBalancerService,
    private readonly cache: CacheService,
    config: AppConfig,
  ) {
    this.env = config.get('APP_ENV');
  }

  /** The seeds' module_id: `{name}_{version}_{env}`. */
  moduleId(name: string, version: string): string {
    const id = `${name}_${version}_${this.env}`;
    if (id.length > MAX_MODULE_ID) {
      throw new DomainException(
        RegistryErrorCode.ModuleIdTooLong,
        `module_id ${name}_${version}_<env> would be ${id.length} characters; ${MAX_MODULE_ID} at most. Shorten the name or version.`,
      );
    }
    return id;
  }

  async register(dto: RegisterModuleDto): Promise<{ module: ModuleRegistryEntity; created: boolean }> {
    this.checkRegistrationData(dto.registration_data);
    const saved = await this.modules.register({
      moduleId: this.moduleId(dto.module_name, dto.module_version),
      moduleName: dto.module_name,
      moduleVersion: dto.module_version,
      supportedRobotTypes: dto.supported_robot_types,
      healthEndpoint: dto.health_endpoint ?? null,
      registrationData: dto.registration_data ?? null,
      maxConcurrentRobots: dto.max_concurrent_robots ?? 10,
      isActive: true,
    });
    await this.loadBalancer.invalidateModuleCaches();
    this.logger.log(`module ${saved.moduleId} ${saved.created ? 'registered' : 're-registered'}`);
    return { module: saved, created: saved.created ?? false };
  }

  async update(name: string, dto: UpdateModuleDto): Promise<ModuleRegistryEntity> {
    const current = await this.get(name);
    this.checkRegistrationData(dto.registration_data);
    const version = dto.module_version ?? current.moduleVersion;
    const updated = await this.modules.update(name, {
      ...(dto.module_version !== undefined && { moduleVersion: version, moduleId: this.moduleId(name, version) }),
      ...(dto.supported_robot_types !== undefined && { supportedRobotTypes: dto.supported_robot_types }),
      ...(dto.health_endpoint !== undefined && { healthEndpoint: dto.health_endpoint }),
      ...(dto.registration_data !== undefined && { registrationData: dto.registration_data }),
      ...(dto.max_concurrent_robots !== undefined && { maxConcurrentRobots: dto.max_concurrent_robots }),
      ...(dto.is_active !== undefined && { isActive: dto.is_active }),
    });
    if (!updated) throw moduleNotFound(name);
    await this.loadBalancer.invalidateModuleCaches();
    return updated;
  }

  async deactivate(name: string): Promise<void> {
    if (!(await this.modules.deactivate(name))) throw moduleNotFound(name);
    await this.loadBalancer.invalidateModuleCaches();
    this.logger.log(`module ${name} deactivated`);
  }

  /**
   * One module as the API shows it, served from the cache (module_health, 300 s). Registration,
   * health, breaker and score changes drop it at once; the 5-minute warm-up rewrites it.
   */
  async view(name: string): Promise<ModuleResponseDto> {
    const key = cacheKey(CacheKind.ModuleHealth, name);
    const view = await this.cache.getOrLoad(key, async () => {
      const module = await this.modules.findByName(name);
      return module ? ModuleResponseDto.of(module) : null;
    });
    if (!view) {
      await this.cache.invalidate(key); // a module registered a moment later must be found
      throw moduleNotFound(name);
    }
    return view;
  }

  /** Cache warming (seeds: active modules and their scores every 5 minutes). */
  async warmModuleViews(): Promise<{ modules: number }> {
    const modules = await this.modules.listActive();
    for (const module of modules)
      await this.cache.set(cacheKey(CacheKind.ModuleHealth, module.moduleName), ModuleResponseDto.of(module));
    return { modules: modules.length };
  }

  async get(name: string): Promise<ModuleRegistryEntity> {
    const module = await this.modules.findByName(name);
    if (!module) throw moduleNotFound(name);
    return module;
  }

  list(query: ListModulesQueryDto): Promise<ModuleRegistryEntity[]> {
    return this.modules.list({ activeOnly: !query.include_inactive, robotType: query.robot_type });
  }

  private checkRegistrationData(data: Record<string, unknown> | undefined): void {
    if (data === undefined) return;
    const size = Buffer.byteLength(JSON.stringify(data));
    if (size > MAX_REGISTRATION_DATA_BYTES) {
      throw new DomainException(
        RegistryErrorCode.RegistrationDataTooLarge,
        `registration_data is ${size} bytes; ${MAX_REGISTRATION_DATA_BYTES} at most.`,
      );
    }
  }
}
