import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../../../core/errors/api-problem.decorator.js';
import { Auth } from '../../../security/auth.decorator.js';
import { Scope } from '../../../security/scopes.js';
import { EmailClassDto, EmailClassListDto, EmailClassParamDto, PutEmailClassDto } from '../dto/class.dto.js';
import { EmailClassesService } from './email-classes.service.js';

@ApiTags('email')
@ApiCommonProblems()
@Controller('api/v1/email/classes')
export class EmailClassesController {
  constructor(private readonly classes: EmailClassesService) {}

  @Get()
  @Auth(Scope.EmailRead)
  @ApiOperation({ summary: 'Every class with its route: robot type, review threshold, priority' })
  @ApiOkResponse({ type: EmailClassListDto })
  list(): Promise<EmailClassListDto> {
    return this.classes.list();
  }

  @Get(':name')
  @Auth(Scope.EmailRead)
  @ApiOperation({ summary: "One class's route" })
  @ApiOkResponse({ type: EmailClassDto })
  @ApiProblem(400, 'A name that is not a class name')
  @ApiProblem(404, 'No such class')
  get(@Param() params: EmailClassParamDto): Promise<EmailClassDto> {
    return this.classes.get(params.name);
  }

  @Put(':name')
  @Auth(Scope.EmailWrite)
  @ApiBodyProblems()
  @ApiOperation({ summary: 'Create a class or replace its route (robot type or null, min_confidence, priority)' })
  @ApiCreatedResponse({ type: EmailClassDto, description: 'Created' })
  @ApiOkResponse({ type: EmailClassDto, description: 'Replaced' })
  @ApiProblem(400, 'A bad name, robot type, threshold or priority')
  async put(
    @Param() params: EmailClassParamDto,
    @Body() body: PutEmailClassDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EmailClassDto> {
    const { item, created } = await this.classes.put(params.name, body);
    void reply.status(created ? 201 : 200);
    return item;
  }

  @Delete(':name')
  @Auth(Scope.EmailWrite)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a class route: its emails are then classified with no route (review decides)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(400, 'A name that is not a class name')
  @ApiProblem(404, 'No such class')
  async delete(@Param() params: EmailClassParamDto): Promise<void> {
    await this.classes.delete(params.name);
  }
}
