import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { MODULE_NAME_PATTERN } from './register-module.dto.js';

export class ModuleNameParamDto {
  @ApiProperty({ example: 'LegalModule' })
  @Matches(MODULE_NAME_PATTERN, {
    message: 'module_name must start with a letter and hold only letters, digits, _ or -',
  })
  module_name: string;
}
