import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../../../core/errors/api-problem.decorator.js';
import { Auth } from '../../../security/auth.decorator.js';
import { Caller } from '../../../security/caller.decorator.js';
import type { Principal } from '../../../security/principal.js';
import { Scope } from '../../../security/scopes.js';
import { CreateRuleDto, EmailRuleDto, EmailRuleListDto, EmailRuleParamDto, UpdateRuleDto } from '../dto/rule.dto.js';
import { EmailRulesService } from './email-rules.service.js';

const UNSAFE = 'A pattern that does not compile, is too long, or could backtrack without bound';

@ApiTags('email')
@ApiCommonProblems()
@Controller('api/v1/email/rules')
export class EmailRulesController {
  constructor(private readonly rules: EmailRulesService) {}

  @Get()
  @Auth(Scope.EmailRead)
  @ApiOperation({ summary: 'Every rule, in the order the classifier consults them (position, then name)' })
  @ApiOkResponse({ type: EmailRuleListDto })
  list(): Promise<EmailRuleListDto> {
    return this.rules.list();
  }

  @Post()
  @Auth(Scope.EmailWrite)
  @ApiBodyProblems()
  @ApiOperation({ summary: 'Add a rule: conditions (all must hold), the class it decides, override or fallback' })
  @ApiCreatedResponse({ type: EmailRuleDto })
  @ApiProblem(400, 'No condition, or a bad name, sender, domain, attachment type, class or mode')
  @ApiProblem(409, 'A rule has that name, or there are 500 rules')
  @ApiProblem(422, UNSAFE)
  create(@Body() body: CreateRuleDto, @Caller() caller: Principal | undefined): Promise<EmailRuleDto> {
    return this.rules.create(body, caller?.prefix ?? null);
  }

  @Get(':id')
  @Auth(Scope.EmailRead)
  @ApiOperation({ summary: 'One rule' })
  @ApiOkResponse({ type: EmailRuleDto })
  @ApiProblem(400, 'An id that is not a UUID')
  @ApiProblem(404, 'No such rule')
  get(@Param() params: EmailRuleParamDto): Promise<EmailRuleDto> {
    return this.rules.get(params.id);
  }

  @Patch(':id')
  @Auth(Scope.EmailWrite)
  @ApiBodyProblems()
  @ApiOperation({ summary: 'Change some of a rule (conditions, when given, are replaced whole)' })
  @ApiOkResponse({ type: EmailRuleDto })
  @ApiProblem(400, 'A bad id or field')
  @ApiProblem(404, 'No such rule')
  @ApiProblem(409, 'Another rule has that name')
  @ApiProblem(422, UNSAFE)
  update(@Param() params: EmailRuleParamDto, @Body() body: UpdateRuleDto): Promise<EmailRuleDto> {
    return this.rules.update(params.id, body);
  }

  @Delete(':id')
  @Auth(Scope.EmailWrite)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a rule' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(400, 'An id that is not a UUID')
  @ApiProblem(404, 'No such rule')
  async delete(@Param() params: EmailRuleParamDto): Promise<void> {
    await this.rules.delete(params.id);
  }
}
