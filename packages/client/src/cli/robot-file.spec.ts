import { describe, expect, it } from '@jest/globals';
import { parseCsv, parseRobotFile } from './robot-file.js';

describe('robot files', () => {
  it('reads RFC 4180 CSV: quoted commas, doubled quotes, line breaks inside quotes, CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
    ]);
  });

  it('maps CSV columns to robot fields, numbers and input_data, with the default type', () => {
    const csv = 'priority,retry_limit,input_data,case\nHIGH,2,"{""pages"":3}",C-1\n,,,C-2\n';
    expect(parseRobotFile(csv, 'csv', 'invoice')).toEqual([
      {
        line: 2,
        robot: { robot_type: 'invoice', priority: 'HIGH', retry_limit: 2, input_data: { pages: 3, case: 'C-1' } },
      },
      { line: 3, robot: { robot_type: 'invoice', input_data: { case: 'C-2' } } },
    ]);
  });

  it('names what is wrong with a line and keeps the line numbers of the file', () => {
    const jsonl = [
      '{"robot_type":"a"}',
      '',
      'nope',
      '[1]',
      '{"input_data":{}}',
      '{"robot_type":"a","priority":"SOON"}',
    ];
    expect(parseRobotFile(jsonl.join('\n'), 'jsonl')).toEqual([
      { line: 1, robot: { robot_type: 'a', input_data: {} } },
      { line: 3, error: expect.stringMatching(/^not JSON: /) },
      { line: 4, error: 'not a JSON object' },
      { line: 5, error: 'no robot_type (a field, a column, or --type)' },
      { line: 6, error: 'priority must be one of LOW, NORMAL, HIGH, CRITICAL' },
    ]);
  });
});
