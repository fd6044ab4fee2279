import { Injectable } from '@nestjs/common';
import { DomainException } from '../../../core/errors/domain.exception.js';
import { ClassifierState, MAX_RULES } from '../classifier/classifier-state.service.js';
import { ClassificationErrorCode } from '../classification.errors.js';
import { type CreateRuleDto, EmailRuleDto, type EmailRuleListDto, type UpdateRuleDto } from '../dto/rule.dto.js';
import {
  type EmailRuleRow,
  EmailRulesRepository,
  type EmailRuleWrite,
} from '../repositories/email-rules.repository.js';
import { conditionProblems, type RuleConditions } from './rule-conditions.js';

export const DEFAULT_RULE_POSITION = 100;

/** Rules over REST: checked (conditions, pattern safety) before they are stored; the classifier reloads at once. */
@Injectable()
export class EmailRulesService {
  constructor(
    private readonly rules: EmailRulesRepository,
    private readonly state: ClassifierState,
  ) {}

  async list(): Promise<EmailRuleListDto> {
    return { items: (await this.rules.all(MAX_RULES)).map((row) => EmailRuleDto.of(row)) };
  }

  async get(ruleId: string): Promise<EmailRuleDto> {
    return EmailRuleDto.of(await this.found(ruleId));
  }

  async create(body: CreateRuleDto, createdBy: string | null): Promise<EmailRuleDto> {
    if ((await this.rules.count()) >= MAX_RULES) {
      throw new DomainException(
        ClassificationErrorCode.RuleLimitReached,
        `There are ${MAX_RULES} rules already: delete one first.`,
      );
    }
    const write = checked({
      name: body.name.trim(),
      position: body.position ?? DEFAULT_RULE_POSITION,
      conditions: { ...body.conditions },
      class_name: body.class_name,
      mode: body.mode ?? 'override',
      enabled: body.enabled ?? true,
    });
    const row = await this.rules.insert(write, createdBy);
    if (!row) throw nameTaken(write.name);
    await this.state.refresh();
    return EmailRuleDto.of(row);
  }

  /** Changes the fields given; `conditions`, when given, replaces the rule's conditions whole. */
  async update(ruleId: string, body: UpdateRuleDto): Promise<EmailRuleDto> {
    const current = await this.found(ruleId);
    const write = checked({
      name: body.name?.trim() ?? current.name,
      position: body.position ?? current.position,
      conditions: body.conditions ? { ...body.conditions } : current.conditions,
      class_name: body.class_name ?? current.class_name,
      mode: body.mode ?? current.mode,
      enabled: body.enabled ?? current.enabled,
    });
    const result = await this.rules.update(ruleId, write);
    if (result === 'missing') throw notFound(ruleId);
    if (result === 'conflict') throw nameTaken(write.name);
    await this.state.refresh();
    return EmailRuleDto.of(result);
  }

  async delete(ruleId: string): Promise<void> {
    if (!(await this.rules.delete(ruleId))) throw notFound(ruleId);
    await this.state.refresh();
  }

  private async found(ruleId: string): Promise<EmailRuleRow> {
    const row = await this.rules.get(ruleId);
    if (!row) throw notFound(ruleId);
    return row;
  }
}

/** Drops conditions given as undefined, then refuses malformed ones (400) and unsafe patterns (422). */
function checked(write: EmailRuleWrite): EmailRuleWrite {
  const conditions = Object.fromEntries(
    Object.entries(write.conditions).filter(([, value]) => value !== undefined),
  ) as RuleConditions;
  const { invalid, unsafe } = conditionProblems(conditions as Record<string, unknown>);
  if (invalid.length > 0) {
    throw new DomainException(
      ClassificationErrorCode.RuleInvalid,
      `The rule's conditions are refused: ${invalid.join('; ')}.`,
      {
        errors: invalid,
      },
    );
  }
  if (unsafe.length > 0) {
    throw new DomainException(ClassificationErrorCode.RulePatternUnsafe, `Patterns refused: ${unsafe.join('; ')}.`, {
      errors: unsafe,
    });
  }
  return { ...write, conditions };
}

const notFound = (ruleId: string) =>
  new DomainException(ClassificationErrorCode.RuleNotFound, `No email rule ${ruleId}.`);
const nameTaken = (name: string) =>
  new DomainException(ClassificationErrorCode.RuleNameTaken, `A rule named "${name}" exists already.`);
