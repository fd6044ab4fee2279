import { describe, expect, it } from '@jest/globals';
import { DomainException } from '../core/errors/domain.exception.js';
import { CreateRobotCommand, type CreateRobotInput, ROBOT_DEFAULTS } from './create-robot.command.js';
import { Priority } from './enums.js';

/** The errors `create` refuses `input` with; none when it accepts it. */
function refusal(input: CreateRobotInput): string[] {
  try {
    CreateRobotCommand.create(input);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    return (error as DomainException).extensions.errors as string[];
  }
}

describe('CreateRobotCommand', () => {
  it('fills every default a caller leaves out', () => {
    const command = CreateRobotCommand.create({ robot_type: 'legal_review', input_data: { case_id: 'C-1' } });
    expect({ ...command }).toEqual({
      robot_type: 'legal_review',
      input_data: { case_id: 'C-1' },
      priority: Priority.Normal,
      correlation_id: null,
      source_reference: null,
      retry_limit: 3,
      timeout_seconds: 1800,
      deadline: null,
      notify: [],
    });
    expect(ROBOT_DEFAULTS).toEqual({ priority: Priority.Normal, retryLimit: 3, timeoutSeconds: 1800 });
  });

  it('keeps what the caller gives, zero retries included', () => {
    const command = CreateRobotCommand.create({
      robot_type: 'invoice.extract',
      input_data: { lines: [1, 2, { sku: 'A' }], note: null },
      priority: Priority.Critical,
      correlation_id: 'batch-2026-11-22',
      source_reference: 'email:msg-1@example.com',
      retry_limit: 0,
      timeout_seconds: 86_400,
      deadline: '2026-11-23T09:00:00Z',
    });
    expect(command).toMatchObject({
      priority: Priority.Critical,
      correlation_id: 'batch-2026-11-22',
      source_reference: 'email:msg-1@example.com',
      retry_limit: 0,
      timeout_seconds: 86_400,
      deadline: new Date('2026-11-23T09:00:00Z'),
    });
  });

  it('treats null like an absent optional field, as the REST API does', () => {
    const input = { robot_type: 'x', input_data: {}, priority: null, retry_limit: null } as unknown as CreateRobotInput;
    expect(CreateRobotCommand.create(input)).toMatchObject({ priority: Priority.Normal, retry_limit: 3 });
  });

  it('refuses every bad field at once, naming each', () => {
    const errors = refusal({
      robot_type: 'Bad Type',
      input_data: { ok: true },
      priority: 'URGENT' as Priority,
      correlation_id: 'a b',
      source_reference: 'x'.repeat(201),
      retry_limit: 11,
      timeout_seconds: 0,
      deadline: 'next tuesday',
    });
    expect(errors).toEqual([
      'robot_type must be 1-50 lowercase letters, digits, _ . or -',
      'priority must be one of the following values: LOW, NORMAL, HIGH, CRITICAL',
      'correlation_id must be at most 100 letters, digits and . _ : @ / # - only',
      'source_reference must be at most 200 letters, digits and . _ : @ / # - only',
      'retry_limit must be an integer from 0 to 10',
      'timeout_seconds must be an integer from 1 to 86400',
      'deadline must be an ISO 8601 date-time',
    ]);
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'text'],
  ])('refuses input_data that is %s', (_, input_data) => {
    expect(refusal({ robot_type: 'x', input_data } as unknown as CreateRobotInput)).toEqual([
      'input_data must be an object',
    ]);
  });

  it.each([
    ['a Date', { at: new Date() }],
    ['a function', { run: () => 1 }],
    ['a bigint', { n: 1n }],
    ['NaN', { n: Number.NaN }],
    ['undefined', { maybe: undefined }],
    ['a Map deep inside', { a: [{ b: new Map() }] }],
    ['33 levels of objects', JSON.parse('{"a":'.repeat(33) + '1' + '}'.repeat(33))],
  ])('refuses input_data holding %s: it would not survive JSON', (_, input_data) => {
    expect(refusal({ robot_type: 'x', input_data })).toEqual([
      'input_data must be plain JSON nested at most 32 levels',
    ]);
  });

  it('accepts input_data of 32 levels of objects, the HTTP body limit', () => {
    const input_data = JSON.parse('{"a":'.repeat(32) + '1' + '}'.repeat(32));
    expect(refusal({ robot_type: 'x', input_data })).toEqual([]);
  });

  it('refuses a retry_limit or timeout that is not an integer', () => {
    expect(
      refusal({ robot_type: 'x', input_data: {}, retry_limit: 1.5, timeout_seconds: '60' as unknown as number }),
    ).toEqual(['retry_limit must be an integer from 0 to 10', 'timeout_seconds must be an integer from 1 to 86400']);
  });

  it('refuses something that is not a robot at all', () => {
    expect(refusal(null as unknown as CreateRobotInput)).toEqual(['a robot must be an object']);
  });

  it('carries notify targets as given, and refuses a malformed list', () => {
    const notify = [{ channel: 'webhook', target: 'https://hooks.example.com/x' }];
    expect(CreateRobotCommand.create({ robot_type: 'a', input_data: {}, notify }).notify).toEqual(notify);
    for (const bad of [{}, [{ channel: 'sms' }], [{ channel: 'sms', target: 1 }], Array(6).fill(notify[0])]) {
      expect(() =>
        CreateRobotCommand.create({ robot_type: 'a', input_data: {}, notify: bad as typeof notify }),
      ).toThrow('The robot is not valid.');
    }
  });
});
