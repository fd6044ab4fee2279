import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ListModulesQueryDto } from './dto/list-modules-query.dto.js';
import { ModuleResponseDto } from './dto/module-response.dto.js';
import { ModuleNameParamDto } from './dto/module-name-param.dto.js';
import { RegisterModuleDto, UpdateModuleDto } from './dto/register-module.dto.js';
import { RegistryService } from './registry.service.js';

@ApiTags('modules')
@ApiBadRequestResponse({ description: 'Invalid input (problem+json with the failing fields)' })
@Controller('api/v1/modules')
export class RegistryController {
  constructor(private readonly registry: RegistryService) {}

  @Post()
  @ApiOperation({ summary: 'Register a module, or replace the registration of one with the same name' })
  @ApiCreatedResponse({ type: ModuleResponseDto, description: 'Registered' })
  @ApiOkResponse({ type: ModuleResponseDto, description: 'Re-registered (replaced)' })
  async register(
    @Body() dto: RegisterModuleDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ModuleResponseDto> {
    const { module, created } = await this.registry.register(dto);
    void reply.status(created ? 201 : 200);
    return ModuleResponseDto.of(module);
  }

  @Get()
  @ApiOperation({ summary: 'List modules (active ones unless include_inactive=true)' })
  @ApiOkResponse({ type: ModuleResponseDto, isArray: true })
  async list(@Query() query: ListModulesQueryDto): Promise<ModuleResponseDto[]> {
    return (await this.registry.list(query)).map(ModuleResponseDto.of);
  }

  @Get(':module_name')
  @ApiOperation({
    summary: 'One module, with its health and performance figures (cached up to 5 min; changes drop it)',
  })
  @ApiOkResponse({ type: ModuleResponseDto })
  @ApiNotFoundResponse({ description: 'No module by that name' })
  async get(@Param() params: ModuleNameParamDto): Promise<ModuleResponseDto> {
    return this.registry.view(params.module_name);
  }

  @Patch(':module_name')
  @ApiOperation({ summary: 'Change a module: version, robot types, health endpoint, capacity, metadata, active' })
  @ApiOkResponse({ type: ModuleResponseDto })
  @ApiNotFoundResponse({ description: 'No module by that name' })
  async update(@Param() params: ModuleNameParamDto, @Body() dto: UpdateModuleDto): Promise<ModuleResponseDto> {
    return ModuleResponseDto.of(await this.registry.update(params.module_name, dto));
  }

  @Delete(':module_name')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate a module: it leaves routing; its history stays' })
  @ApiNoContentResponse({ description: 'Deactivated' })
  @ApiNotFoundResponse({ description: 'No module by that name' })
  async deactivate(@Param() params: ModuleNameParamDto): Promise<void> {
    await this.registry.deactivate(params.module_name);
  }
}
