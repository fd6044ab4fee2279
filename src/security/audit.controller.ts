import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonProblems, ApiProblem } from '../core/errors/api-problem.decorator.js';
import { decodeCursor, encodeCursor } from '../core/http/keyset-cursor.js';
import { SecurityAuditRepository } from '../state/repositories/security-audit.repository.js';
import { Auth } from './auth.decorator.js';
import { AuditEntryDto, AuditPageDto, AuditQueryDto } from './dto/audit-query.dto.js';
import { Scope } from './scopes.js';

function auditCursor(cursor: string): { createdAt: Date; auditId: string } {
  const { createdAt, id } = decodeCursor(cursor);
  return { createdAt, auditId: id };
}

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
  async find(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const limit = query.limit ?? 100;
    const rows = await this.audit.find({
      keyPrefix: query.key_prefix,
      operation: query.operation,
      success: query.success,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      before: query.cursor ? auditCursor(query.cursor) : undefined,
      limit,
    });
    return {
      items: rows.map(AuditEntryDto.of),
      next_cursor:
        rows.length === limit ? encodeCursor(rows[rows.length - 1].created_at, rows[rows.length - 1].audit_id) : null,
    };
  }
}
