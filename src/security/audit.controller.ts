import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainException } from '../core/errors/domain.exception.js';
import { SecurityAuditRepository } from '../state/repositories/security-audit.repository.js';
import { Auth } from './auth.decorator.js';
import { AuditEntryDto, AuditPageDto, AuditQueryDto } from './dto/audit-query.dto.js';
import { Scope } from './scopes.js';

const encode = (row: { created_at: Date; audit_id: string }) =>
  Buffer.from(`${row.created_at.toISOString()}|${row.audit_id}`).toString('base64url');

function decode(cursor: string): { createdAt: Date; auditId: string } {
  const [at, auditId] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at);
  if (!auditId || Number.isNaN(createdAt.getTime())) {
    throw new DomainException('INVALID_CURSOR', 400, 'cursor is not one this API returned.');
  }
  return { createdAt, auditId };
}

@ApiTags('security')
@Auth(Scope.Admin)
@Controller('api/v1/security/audit')
export class AuditController {
  constructor(private readonly audit: SecurityAuditRepository) {}

  @Get()
  @ApiOperation({ summary: 'The security audit trail, newest first (auth failures, keys, admin operations, limits)' })
  @ApiOkResponse({ type: AuditPageDto })
  async find(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const limit = query.limit ?? 100;
    const rows = await this.audit.find({
      keyPrefix: query.key_prefix,
      operation: query.operation,
      success: query.success,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      before: query.cursor ? decode(query.cursor) : undefined,
      limit,
    });
    return {
      items: rows.map(AuditEntryDto.of),
      next_cursor: rows.length === limit ? encode(rows[rows.length - 1]) : null,
    };
  }
}
