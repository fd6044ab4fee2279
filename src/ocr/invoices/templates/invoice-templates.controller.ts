import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../../../core/errors/api-problem.decorator.js';
import { Auth } from '../../../security/auth.decorator.js';
import { Caller } from '../../../security/caller.decorator.js';
import type { Principal } from '../../../security/principal.js';
import { Scope } from '../../../security/scopes.js';
import {
  ListVendorTemplatesQueryDto,
  VendorTemplateBodyDto,
  VendorTemplateDto,
  VendorTemplatePageDto,
  VendorTemplateParamDto,
} from '../dto/template.dto.js';
import { InvoiceTemplatesService } from './invoice-templates.service.js';

@ApiTags('ocr')
@ApiCommonProblems()
@Controller('api/v1/ocr/templates')
export class InvoiceTemplatesController {
  constructor(private readonly templates: InvoiceTemplatesService) {}

  @Post()
  @Auth(Scope.OcrWrite)
  @ApiBodyProblems()
  @ApiOperation({ summary: 'Add a vendor template (invoice2data-style keywords and field patterns)' })
  @ApiCreatedResponse({ type: VendorTemplateDto })
  @ApiProblem(400, 'A bad vendor name, keywords, field name or option')
  @ApiProblem(409, 'The vendor has a template already')
  @ApiProblem(422, 'A pattern that does not compile, is too long, or could backtrack without bound')
  create(@Body() body: VendorTemplateBodyDto, @Caller() caller: Principal | undefined): Promise<VendorTemplateDto> {
    return this.templates.create(body, caller?.prefix ?? null);
  }

  @Get()
  @Auth(Scope.OcrRead)
  @ApiOperation({ summary: 'Vendor templates, newest first (USER and LEARNED)' })
  @ApiOkResponse({ type: VendorTemplatePageDto })
  @ApiProblem(400, 'A bad source, limit or cursor')
  list(@Query() query: ListVendorTemplatesQueryDto): Promise<VendorTemplatePageDto> {
    return this.templates.list(query);
  }

  @Get(':id')
  @Auth(Scope.OcrRead)
  @ApiOperation({ summary: 'One vendor template' })
  @ApiOkResponse({ type: VendorTemplateDto })
  @ApiProblem(400, 'An id that is not a UUID')
  @ApiProblem(404, 'No such template')
  get(@Param() params: VendorTemplateParamDto): Promise<VendorTemplateDto> {
    return this.templates.get(params.id);
  }

  @Put(':id')
  @Auth(Scope.OcrWrite)
  @ApiBodyProblems()
  @ApiOperation({ summary: "Replace a template's vendor name, keywords, fields and options" })
  @ApiOkResponse({ type: VendorTemplateDto })
  @ApiProblem(400, 'A bad id, vendor name, keywords, field name or option')
  @ApiProblem(404, 'No such template')
  @ApiProblem(409, 'Another template has that vendor name')
  @ApiProblem(422, 'A pattern that does not compile, is too long, or could backtrack without bound')
  replace(@Param() params: VendorTemplateParamDto, @Body() body: VendorTemplateBodyDto): Promise<VendorTemplateDto> {
    return this.templates.replace(params.id, body);
  }

  @Delete(':id')
  @Auth(Scope.OcrWrite)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a vendor template' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(400, 'An id that is not a UUID')
  @ApiProblem(404, 'No such template')
  async delete(@Param() params: VendorTemplateParamDto): Promise<void> {
    await this.templates.delete(params.id);
  }
}
