import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../../../core/errors/api-problem.decorator.js';
import { Auth } from '../../../security/auth.decorator.js';
import { Scope } from '../../../security/scopes.js';
import { EmailClassificationDto } from '../dto/classification.dto.js';
import { EmailInputDto } from '../dto/email-input.dto.js';
import { emailOf } from '../intake/email-body.js';
import { EmailClassifierService } from './email-classifier.service.js';

@ApiTags('email')
@ApiCommonProblems()
@Controller('api/v1/email/classify')
export class ClassifyController {
  constructor(private readonly classifier: EmailClassifierService) {}

  @Post()
  @Auth(Scope.EmailRead)
  @HttpCode(200)
  @ApiBodyProblems()
  @ApiOperation({
    summary:
      "Dry run: how an email would be classified now (class, confidence, every class's probability, the rule that fired, route, review); nothing is stored",
  })
  @ApiOkResponse({ type: EmailClassificationDto })
  @ApiProblem(400, 'Not exactly one of raw and text, or a bad field')
  @ApiProblem(422, 'raw is not an email')
  async classify(@Body() body: EmailInputDto): Promise<EmailClassificationDto> {
    const { input, content_sha256 } = await emailOf(body);
    return EmailClassificationDto.of(await this.classifier.classify(input), content_sha256);
  }
}
