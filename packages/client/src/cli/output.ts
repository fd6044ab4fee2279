import type { Writable } from 'node:stream';

export interface Streams {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean; columns?: number };
}

/** What a command prints: JSON for scripts (--json), tables and sentences for people. */
export class Output {
  constructor(
    readonly streams: Streams,
    readonly json: boolean,
  ) {}

  /** The command's answer: `data` as one JSON document with --json, else what `human` prints. */
  result(data: unknown, human: () => void): void {
    if (this.json) this.streams.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    else human();
  }

  line(text = ''): void {
    this.streams.stdout.write(`${text}\n`);
  }

  /** A note on stderr (progress, hints): never mixed into what --json scripts parse. */
  note(text: string): void {
    this.streams.stderr.write(`${text}\n`);
  }

  table(rows: Record<string, unknown>[], columns: string[]): void {
    if (rows.length === 0) {
      this.line('(none)');
      return;
    }
    const cells = rows.map((row) => columns.map((column) => cell(row[column])));
    const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((r) => r[i].length)));
    const render = (values: string[]) =>
      values
        .map((value, i) => (i === values.length - 1 ? value : value.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    this.line(render(columns.map((c) => c.toUpperCase())));
    for (const row of cells) this.line(render(row));
  }

  /** Key: value lines for one object. */
  fields(record: Record<string, unknown>, keys: string[] = Object.keys(record)): void {
    const width = Math.max(...keys.map((k) => k.length));
    for (const key of keys) this.line(`${`${key}:`.padEnd(width + 1)} ${cell(record[key])}`);
  }

  /** A progress bar on stderr when it is a terminal and the output is not --json; else nothing. */
  progress(label: string): ProgressBar {
    const tty = Boolean(this.streams.stderr.isTTY) && !this.json;
    return new ProgressBar(this.streams.stderr, tty, label);
  }
}

export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: Streams['stderr'],
    readonly enabled: boolean,
    private readonly label: string,
  ) {}

  /** Redraws at most every 50 ms, unless `force`. */
  update(done: number, total: number, detail = '', force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 50) return;
    this.lastDraw = now;
    this.drawn = true;
    this.stream.write(`\r\x1b[2K${renderBar(this.label, done, total, (now - this.started) / 1000, detail)}`);
  }

  /** Leaves the last drawing on its own line. */
  end(): void {
    if (this.enabled && this.drawn) this.stream.write('\n');
  }
}

export function renderBar(
  label: string,
  done: number,
  total: number,
  seconds: number,
  detail = '',
  counts = true,
): string {
  const width = 30;
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(ratio * width);
  const perSecond = seconds > 0 ? done / seconds : 0;
  const rate = perSecond > 0 ? ` ${perSecond.toFixed(perSecond >= 10 ? 0 : 1)}/s` : '';
  const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
  const count = counts ? ` ${done}/${total}` : '';
  return `${label} [${bar}]${count} ${Math.floor(ratio * 100)}%${rate}${detail ? ` ${detail}` : ''}`;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) return value.map(cell).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
