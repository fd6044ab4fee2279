import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../core/errors/api-problem.decorator.js';
import { AuditOperation, AuditService } from '../security/audit.service.js';
import { Auth } from '../security/auth.decorator.js';
import { assertActsFor, boundModule, Caller } from '../security/caller.decorator.js';
import type { Principal } from '../security/principal.js';
import { Scope } from '../security/scopes.js';
import { ListModulesQueryDto } from './dto/list-modules-query.dto.js';
import { ModuleResponseDto } from './dto/module-response.dto.js';
import { ModuleNameParamDto } from './dto/module-name-param.dto.js';
import { RegisterModuleDto, UpdateModuleDto } from './dto/register-module.dto.js';
import { RegistryService } from './registry.service.js';

const WRONG_MODULE = 'A module-bound key acted for another module';

@ApiTags('modules')
@ApiCommonProblems()
@ApiProblem(400, 'Invalid input (problem+json with the failing fields)')
@Controller('api/v1/modules')
export class RegistryController {
  constructor(
    private readonly registry: RegistryService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @Auth(Scope.ModulesWrite)
  @ApiOperation({ summary: 'Register a module, or replace the registration of one with the same name' })
  @ApiCreatedResponse({ type: ModuleResponseDto, description: 'Registered' })
  @ApiOkResponse({ type: ModuleResponseDto, description: 'Re-registered (replaced)' })
  @ApiProblem(403, WRONG_MODULE)
  @ApiBodyProblems()
  async register(
    @Body() dto: RegisterModuleDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Req() request: FastifyRequest,
    @Caller() caller?: Principal,
  ): Promise<ModuleResponseDto> {
    assertActsFor(caller, dto.module_name);
    const { module, created } = await this.registry.register(dto);
    this.audit.recordCall(AuditOperation.ModuleRegistered, request, caller, {
      resourceId: dto.module_name,
      moduleName: dto.module_name,
      details: { created },
    });
    void reply.status(created ? 201 : 200);
    return ModuleResponseDto.of(module);
  }

  @Get()
  @Auth(Scope.ModulesRead)
  @ApiOperation({ summary: 'List modules (active ones unless include_inactive=true; a module-bound key: its own)' })
  @ApiOkResponse({ type: ModuleResponseDto, isArray: true })
  async list(@Query() query: ListModulesQueryDto, @Caller() caller?: Principal): Promise<ModuleResponseDto[]> {
    const bound = boundModule(caller);
    const modules = (await this.registry.list(query)).filter((m) => bound === null || m.moduleName === bound);
    return modules.map(ModuleResponseDto.of);
  }

  @Get(':module_name')
  @Auth(Scope.ModulesRead)
  @ApiOperation({
    summary: 'One module, with its health and performance figures (cached up to 5 min; changes drop it)',
  })
  @ApiOkResponse({ type: ModuleResponseDto })
  @ApiProblem(403, WRONG_MODULE)
  @ApiProblem(404, 'No module by that name')
  async get(@Param() params: ModuleNameParamDto, @Caller() caller?: Principal): Promise<ModuleResponseDto> {
    assertActsFor(caller, params.module_name);
    return this.registry.view(params.module_name);
  }

  @Patch(':module_name')
  @Auth(Scope.ModulesWrite)
  @ApiOperation({ summary: 'Change a module: version, robot types, health endpoint, capacity, metadata, active' })
  @ApiOkResponse({ type: ModuleResponseDto })
  @ApiProblem(403, WRONG_MODULE)
  @ApiProblem(404, 'No module by that name')
  @ApiBodyProblems()
  async update(
    @Param() params: ModuleNameParamDto,
    @Body() dto: UpdateModuleDto,
    @Req() request: FastifyRequest,
    @Caller() caller?: Principal,
  ): Promise<ModuleResponseDto> {
    assertActsFor(caller, params.module_name);
    const module = await this.registry.update(params.module_name, dto);
    this.audit.recordCall(AuditOperation.ModuleUpdated, request, caller, {
      resourceId: params.module_name,
      moduleName: params.module_name,
      details: { fields: Object.keys(dto) },
    });
    return ModuleResponseDto.of(module);
  }

  @Delete(':module_name')
  @Auth(Scope.ModulesWrite)
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate a module: it leaves routing; its history stays' })
  @ApiNoContentResponse({ description: 'Deactivated' })
  @ApiProblem(403, WRONG_MODULE)
  @ApiProblem(404, 'No module by that name')
  async deactivate(
    @Param() params: ModuleNameParamDto,
    @Req() request: FastifyRequest,
    @Caller() caller?: Principal,
  ): Promise<void> {
    assertActsFor(caller, params.module_name);
    await this.registry.deactivate(params.module_name);
    this.audit.recordCall(AuditOperation.ModuleDeactivated, request, caller, {
      resourceId: params.module_name,
      moduleName: params.module_name,
    });
  }
}
