import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../../core/errors/api-problem.decorator.js';
import { Auth } from '../../security/auth.decorator.js';
import { Caller } from '../../security/caller.decorator.js';
import type { Principal } from '../../security/principal.js';
import { Scope } from '../../security/scopes.js';
import { PreviewTemplateDto, RenderedTemplateDto, SaveTemplateDto, TemplateDto } from './dto/template.dto.js';
import { ListTemplatesQueryDto, TemplateKeyParamDto } from './dto/template-key.dto.js';
import { TemplatesAdminService } from './templates-admin.service.js';

const REFUSED = 'The template does not compile, or names a field, helper or variable its event lacks (see errors)';

/** Notification templates per (event type, channel, locale): the shipped defaults and stored overrides. */
@ApiTags('notifications')
@ApiCommonProblems()
@ApiProblem(400, 'Invalid input (problem+json with the failing fields)')
@Controller('api/v1/notifications/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesAdminService) {}

  @Get()
  @Auth(Scope.NotificationsRead)
  @ApiOperation({ summary: 'Every template in effect (defaults and overrides), with its source' })
  @ApiOkResponse({ type: TemplateDto, isArray: true })
  list(@Query() query: ListTemplatesQueryDto): Promise<TemplateDto[]> {
    return this.templates.list(query);
  }

  @Post('preview')
  @Auth(Scope.NotificationsRead)
  @HttpCode(200)
  @ApiOperation({ summary: 'Render a template without saving it (a sample event when no data is given)' })
  @ApiOkResponse({ type: RenderedTemplateDto })
  @ApiProblem(422, REFUSED)
  @ApiBodyProblems()
  preview(@Body() dto: PreviewTemplateDto): Promise<RenderedTemplateDto> {
    return this.templates.preview(dto);
  }

  @Get(':event_type/:channel/:locale')
  @Auth(Scope.NotificationsRead)
  @ApiOperation({ summary: 'The template in effect for an event type, channel and locale' })
  @ApiOkResponse({ type: TemplateDto })
  get(@Param() key: TemplateKeyParamDto): Promise<TemplateDto> {
    return this.templates.get(key);
  }

  @Put(':event_type/:channel/:locale')
  @Auth(Scope.NotificationsWrite)
  @ApiOperation({ summary: 'Save an override (validated against the event type before it is stored)' })
  @ApiOkResponse({ type: TemplateDto })
  @ApiProblem(422, REFUSED)
  @ApiBodyProblems()
  save(
    @Param() key: TemplateKeyParamDto,
    @Body() dto: SaveTemplateDto,
    @Caller() caller: Principal | undefined,
  ): Promise<TemplateDto> {
    return this.templates.save(key, dto, caller?.keyId ?? null);
  }

  @Delete(':event_type/:channel/:locale')
  @Auth(Scope.NotificationsWrite)
  @ApiOperation({ summary: 'Drop the override: the shipped default is used again (answered)' })
  @ApiOkResponse({ type: TemplateDto })
  @ApiProblem(404, 'No override is stored for that key')
  remove(@Param() key: TemplateKeyParamDto): Promise<TemplateDto> {
    return this.templates.remove(key);
  }
}
