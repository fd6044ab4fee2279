import type { CreateRobot } from '../client.js';

/** One robot read from a file, or why its line could not be read. */
export type FileEntry = { line: number; robot: CreateRobot } | { line: number; error: string };

const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'CRITICAL'];
/** CSV columns that are robot fields; any other column becomes a string in input_data. */
const ROBOT_COLUMNS = ['robot_type', 'priority', 'correlation_id', 'source_reference', 'deadline', 'input_data'];
const INTEGER_COLUMNS = ['retry_limit', 'timeout_seconds'];

/**
 * JSON Lines: one CreateRobot object per line (robot_type may come from --type). CSV: a header row;
 * robot_type, priority, correlation_id, source_reference, deadline, retry_limit, timeout_seconds
 * are robot fields, an input_data column holds JSON, every other column is an input_data string.
 */
export function parseRobotFile(text: string, format: 'csv' | 'jsonl', defaultType?: string): FileEntry[] {
  return format === 'csv' ? parseCsvRobots(text, defaultType) : parseJsonLines(text, defaultType);
}

function parseJsonLines(text: string, defaultType?: string): FileEntry[] {
  const entries: FileEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      entries.push({ line, error: `not JSON: ${(error as Error).message.split('\n')[0]}` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      entries.push({ line, error: 'not a JSON object' });
      return;
    }
    entries.push(checked(line, { robot_type: defaultType, ...(value as Record<string, unknown>) }));
  });
  return entries;
}

function parseCsvRobots(text: string, defaultType?: string): FileEntry[] {
  const rows = parseCsv(text);
  if (rows.length === 0) return [];
  const [header, ...body] = rows;
  const names = header.cells.map((name) => name.trim());
  const entries: FileEntry[] = [];
  for (const row of body) {
    if (row.cells.length === 1 && row.cells[0] === '') continue;
    if (row.cells.length !== names.length) {
      entries.push({ line: row.line, error: `${row.cells.length} columns, the header has ${names.length}` });
      continue;
    }
    const robot: Record<string, unknown> = { robot_type: defaultType };
    const input: Record<string, unknown> = {};
    let error: string | undefined;
    names.forEach((name, i) => {
      const value = row.cells[i];
      if (name === 'input_data') {
        try {
          Object.assign(input, value ? JSON.parse(value) : {});
        } catch {
          error = 'input_data is not JSON';
        }
      } else if (INTEGER_COLUMNS.includes(name)) {
        if (value !== '') robot[name] = Number(value);
      } else if (ROBOT_COLUMNS.includes(name)) {
        if (value !== '') robot[name] = value;
      } else input[name] = value;
    });
    entries.push(error ? { line: row.line, error } : checked(row.line, { ...robot, input_data: input }));
  }
  return entries;
}

/** What the file alone can tell; the server judges the rest (and the CLI reports its answer per line). */
function checked(line: number, robot: Record<string, unknown>): FileEntry {
  if (typeof robot.robot_type !== 'string' || !robot.robot_type)
    return { line, error: 'no robot_type (a field, a column, or --type)' };
  if (robot.input_data === undefined) robot.input_data = {};
  if (typeof robot.input_data !== 'object' || robot.input_data === null || Array.isArray(robot.input_data))
    return { line, error: 'input_data must be an object' };
  if (robot.priority !== undefined && !PRIORITIES.includes(String(robot.priority)))
    return { line, error: `priority must be one of ${PRIORITIES.join(', ')}` };
  return { line, robot: robot as CreateRobot };
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. Lines are 1-based, of the row's start. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(field);
      rows.push({ line: rowLine, cells });
      cells = [];
      field = '';
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}
