import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { paginate } from '../core/http/keyset-pagination.js';
import { ApiCommonProblems, ApiProblem } from '../core/errors/api-problem.decorator.js';
import { SecurityAuditRepository } from '../state/repositories/security-audit.repository.js';
import { Auth } from './auth.decorator.js';
import { AuditEntryDto, AuditPageDto, AuditQueryDto } from './dto/audit-query.dto.js';
import { Scope } from './scopes.js';

@ApiTags('security')
@Auth(Scope.Admin)
@ApiCommonProblems()
@Controller('api/v1/security/audit')
export class AuditController {
  constructor(private readonly audit: SecurityAuditRepository) {}

  @Get()
  @ApiOperation({ summary: 'The security audit trail, newest first (auth failures, keys, admin operations, limits)' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiProblem(400, 'A bad filter, limit or cursor')
  find(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return paginate(
      {
        fetch: (before, limit) =>
          this.audit.find({
            keyPrefix: query.key_prefix,
            operation: query.operation,
            success: query.success,
            from: query.from ? new Date(query.from) : undefined,
            to: query.to ? new Date(query.to) : undefined,
            before: before && { createdAt: before.at, auditId: before.id },
            limit,
          }),
        keyOf: (row) => ({ at: row.keyset_at, id: row.audit_id }),
        toItem: AuditEntryDto.of,
      },
      { limit: query.limit ?? 100, cursor: query.cursor },
    );
  }
}
