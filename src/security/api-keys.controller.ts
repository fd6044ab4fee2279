import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../core/errors/api-problem.decorator.js';
import { AuditOperation, AuditService } from './audit.service.js';
import { Auth } from './auth.decorator.js';
import { Caller } from './caller.decorator.js';
import { ApiKeyResponseDto, IssuedApiKeyDto } from './dto/api-key-response.dto.js';
import { CreateApiKeyDto } from './dto/create-api-key.dto.js';
import { KeyIdParamDto, ListApiKeysQueryDto } from './dto/list-api-keys-query.dto.js';
import { ApiKeysService } from './api-keys.service.js';
import type { Principal } from './principal.js';
import { Scope } from './scopes.js';

/** Admin API for keys. The secret is in the create and rotate answers only; lists never hold it. */
@ApiTags('api-keys')
@Auth(Scope.Admin)
@ApiCommonProblems()
@ApiProblem(400, 'Invalid input (problem+json with the failing fields)')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Issue a key (its secret is shown in this answer only)' })
  @ApiCreatedResponse({ type: IssuedApiKeyDto })
  @ApiProblem(422, 'module_name names no registered module')
  @ApiBodyProblems()
  async create(
    @Body() dto: CreateApiKeyDto,
    @Caller() caller: Principal | undefined,
    @Req() request: FastifyRequest,
  ): Promise<IssuedApiKeyDto> {
    const { row, key } = await this.keys.create({
      name: dto.name,
      scopes: dto.scopes,
      moduleName: dto.module_name ?? null,
      rateLimitPerMinute: dto.rate_limit_per_minute ?? null,
      expiresAt: dto.expires_at ? new Date(dto.expires_at) : null,
    });
    this.audit.recordCall(AuditOperation.KeyCreated, request, caller, {
      resourceId: row.key_id,
      details: { scopes: row.permissions },
    });
    return { ...ApiKeyResponseDto.of(row), api_key: key };
  }

  @Get()
  @ApiOperation({ summary: 'List keys (never their secrets)' })
  @ApiOkResponse({ type: ApiKeyResponseDto, isArray: true })
  async list(@Query() query: ListApiKeysQueryDto): Promise<ApiKeyResponseDto[]> {
    return (await this.keys.list(query.include_revoked ?? false)).map(ApiKeyResponseDto.of);
  }

  @Get(':key_id')
  @ApiOperation({ summary: 'Get one key (never its secret)' })
  @ApiOkResponse({ type: ApiKeyResponseDto })
  @ApiProblem(404, 'No key by that id')
  async get(@Param() params: KeyIdParamDto): Promise<ApiKeyResponseDto> {
    return ApiKeyResponseDto.of(await this.keys.get(params.key_id));
  }

  @Delete(':key_id')
  @ApiOperation({ summary: 'Revoke a key: refused everywhere within API_KEY_CACHE_MS' })
  @ApiOkResponse({ type: ApiKeyResponseDto })
  @ApiProblem(404, 'No key by that id')
  async revoke(
    @Param() params: KeyIdParamDto,
    @Caller() caller: Principal | undefined,
    @Req() request: FastifyRequest,
  ): Promise<ApiKeyResponseDto> {
    const row = await this.keys.revoke(params.key_id);
    this.audit.recordCall(AuditOperation.KeyRevoked, request, caller, { resourceId: row.key_id });
    return ApiKeyResponseDto.of(row);
  }

  @Post(':key_id/rotate')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Issue a successor with the same rights; the old key expires after API_KEY_ROTATION_OVERLAP_SECONDS',
  })
  @ApiCreatedResponse({ type: IssuedApiKeyDto })
  @ApiProblem(404, 'No key by that id')
  @ApiProblem(409, 'The key is revoked or expired')
  async rotate(
    @Param() params: KeyIdParamDto,
    @Caller() caller: Principal | undefined,
    @Req() request: FastifyRequest,
  ): Promise<IssuedApiKeyDto> {
    const { row, key } = await this.keys.rotate(params.key_id);
    this.audit.recordCall(AuditOperation.KeyRotated, request, caller, {
      resourceId: row.key_id,
      details: { rotated_from: params.key_id },
    });
    return { ...ApiKeyResponseDto.of(row), api_key: key };
  }
}
