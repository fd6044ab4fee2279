import { Body, Controller, type DynamicModule, Get, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AppModule } from '../../src/app.module.js';
import { DomainException } from '../../src/core/errors/domain.exception.js';
import { OrchestratorErrorCode } from '../../src/orchestrator/orchestrator.errors.js';
import { Auth } from '../../src/security/auth.decorator.js';
import { Scope } from '../../src/security/scopes.js';

class NestedDto {
  @IsString()
  @MaxLength(20)
  name: string;
}

export class ProbeDto {
  @IsInt()
  @Min(1)
  @Max(10)
  count: number;

  @IsIn(['LOW', 'HIGH'])
  priority: string;

  @ValidateNested()
  @Type(() => NestedDto)
  nested: NestedDto;
}

/** Routes that exercise the global pipeline; mounted beside the real AppModule in tests only. */
@Auth(Scope.RobotsWrite)
@Controller('probe')
class ProbeController {
  @Post('echo')
  echo(@Body() body: ProbeDto) {
    return { received: body, count_type: typeof body.count };
  }

  @Get('crash')
  crash(): never {
    const error = new Error('duplicate key value violates unique constraint "robots_pkey" at db.internal:5432');
    error.stack = `${error.message}\n    at SELECT * FROM robots WHERE secret = 'x'`;
    throw error;
  }

  @Get('conflict')
  conflict(): never {
    throw new DomainException(OrchestratorErrorCode.InvalidTransition, 'A COMPLETED robot cannot be cancelled.', {
      robot_id: 'R_1',
    });
  }

  @Get('slow')
  async slow() {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return { done: true };
  }

  @Post('slow')
  async slowWrite() {
    return this.slow();
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

export function appWithProbe(): DynamicModule {
  return { module: ProbeModule, imports: [AppModule.forRoot()] };
}
