import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateRobotCommand, type CreateRobotInput } from '../../sdk/index.js';
import { CreateRobotDto } from './create-robot.dto.js';

const base = { robot_type: 'legal_review', input_data: { case_id: 'C-1' } };

/** Inputs on both sides of every rule: the REST DTO and the command must judge each alike. */
const CASES: Array<Record<string, unknown>> = [
  base,
  { ...base, robot_type: 'invoice.extract-v2' },
  { ...base, robot_type: 'Legal' },
  { ...base, robot_type: 'a'.repeat(51) },
  { ...base, input_data: [] },
  { ...base, priority: 'HIGH' },
  { ...base, priority: 'high' },
  { ...base, correlation_id: 'c'.repeat(100) },
  { ...base, correlation_id: 'c'.repeat(101) },
  { ...base, correlation_id: 'has space' },
  { ...base, source_reference: 'email:msg-1@example.com#2' },
  { ...base, source_reference: 's'.repeat(201) },
  { ...base, retry_limit: 0 },
  { ...base, retry_limit: 10 },
  { ...base, retry_limit: 11 },
  { ...base, retry_limit: -1 },
  { ...base, retry_limit: 2.5 },
  { ...base, timeout_seconds: 1 },
  { ...base, timeout_seconds: 86_400 },
  { ...base, timeout_seconds: 0 },
  { ...base, timeout_seconds: 86_401 },
  { ...base, deadline: '2026-11-23T09:00:00Z' },
  { ...base, deadline: '2026-02-30T09:00:00Z' },
  { ...base, deadline: 'tomorrow' },
];

/** `retry_limit 11`, `correlation_id of 101 chars`: the field a case changes from the base. */
function label(body: Record<string, unknown>): string {
  const changed = Object.entries(body).filter(([key, value]) => value !== base[key as keyof typeof base]);
  if (changed.length === 0) return 'the minimal robot';
  const [key, value] = changed[0];
  return typeof value === 'string' && value.length > 30
    ? `${key} of ${value.length} chars`
    : `${key} ${JSON.stringify(value)}`;
}

function dtoAccepts(body: Record<string, unknown>): boolean {
  return validateSync(plainToInstance(CreateRobotDto, body)).length === 0;
}

function commandAccepts(body: Record<string, unknown>): boolean {
  try {
    CreateRobotCommand.create(body as unknown as CreateRobotInput);
    return true;
  } catch {
    return false;
  }
}

describe('CreateRobotDto and CreateRobotCommand', () => {
  it.each(CASES.map((body) => [label(body), body] as const))('judge %s alike', (_, body) => {
    expect(commandAccepts(body)).toBe(dtoAccepts(body));
  });

  it('differ on some of the cases (the table probes both sides of the rules)', () => {
    expect(new Set(CASES.map(dtoAccepts))).toEqual(new Set([true, false]));
  });
});
