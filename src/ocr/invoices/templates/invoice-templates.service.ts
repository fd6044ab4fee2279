import { Injectable } from '@nestjs/common';
import { DomainException } from '../../../core/errors/domain.exception.js';
import { paginate } from '../../../core/http/keyset-pagination.js';
import {
  InvoiceTemplatesRepository,
  type TemplateWrite,
} from '../../../state/repositories/invoice-templates.repository.js';
import { InvoiceErrorCode } from '../../invoice.errors.js';
import { INVOICE_FIELDS } from '../../ocr.types.js';
import {
  type ListVendorTemplatesQueryDto,
  type VendorTemplateBodyDto,
  VendorTemplateDto,
  type VendorTemplatePageDto,
} from '../dto/template.dto.js';
import { patternProblem } from './regex-safety.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Vendor templates over REST: checked (field names, pattern safety) before they are stored. */
@Injectable()
export class InvoiceTemplatesService {
  constructor(private readonly templates: InvoiceTemplatesRepository) {}

  async create(body: VendorTemplateBodyDto, createdBy: string | null): Promise<VendorTemplateDto> {
    const row = await this.templates.insert(checked(body), 'USER', createdBy);
    if (!row) throw vendorTaken(body.vendor_name);
    return VendorTemplateDto.of(row);
  }

  list(query: ListVendorTemplatesQueryDto): Promise<VendorTemplatePageDto> {
    return paginate(
      {
        fetch: (before, limit) => this.templates.list({ source: query.source, before, limit }),
        keyOf: (row) => ({ at: row.keyset_at, id: row.template_id }),
        toItem: (row) => VendorTemplateDto.of(row),
        idPattern: UUID,
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
  }

  async get(templateId: string): Promise<VendorTemplateDto> {
    const row = await this.templates.get(templateId);
    if (!row) throw notFound(templateId);
    return VendorTemplateDto.of(row);
  }

  /** Replaces a template's vendor, keywords, fields and options; its source and history stay. */
  async replace(templateId: string, body: VendorTemplateBodyDto): Promise<VendorTemplateDto> {
    const result = await this.templates.replace(templateId, checked(body));
    if (result === 'missing') throw notFound(templateId);
    if (result === 'conflict') throw vendorTaken(body.vendor_name);
    return VendorTemplateDto.of(result);
  }

  async delete(templateId: string): Promise<void> {
    if (!(await this.templates.delete(templateId))) throw notFound(templateId);
  }
}

/** Field names must be invoice fields, each pattern a bounded, backtracking-safe regular expression. */
function checked(body: VendorTemplateBodyDto): TemplateWrite {
  const unknown = Object.keys(body.fields).filter((name) => !(INVOICE_FIELDS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new DomainException(
      InvoiceErrorCode.TemplateInvalid,
      `fields may only name invoice fields (${INVOICE_FIELDS.join(', ')}); not ${unknown.slice(0, 5).join(', ')}.`,
    );
  }
  const problems = Object.entries(body.fields).flatMap(([name, pattern]) => {
    if (typeof pattern !== 'string') return [`${name}: must be a regular expression (a string)`];
    const problem = patternProblem(pattern);
    return problem ? [`${name}: the pattern ${problem}`] : [];
  });
  if (problems.length > 0) {
    throw new DomainException(InvoiceErrorCode.TemplatePatternUnsafe, `Patterns refused: ${problems.join('; ')}.`, {
      problems,
    });
  }
  return {
    vendor_name: body.vendor_name.trim(),
    keywords: body.keywords.map((k) => k.trim()),
    fields: body.fields,
    options: { ...body.options },
  };
}

const notFound = (id: string) => new DomainException(InvoiceErrorCode.TemplateNotFound, `No invoice template ${id}.`);
const vendorTaken = (vendor: string) =>
  new DomainException(
    InvoiceErrorCode.TemplateVendorExists,
    `A template for vendor "${vendor}" exists already: change it with PUT.`,
  );
