/**
 * A strict parser of the Prometheus text exposition format 0.0.4: every line must be a HELP, a
 * TYPE or a sample of a family declared (HELP and TYPE) before it, or parsing throws naming the line.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  families: Map<string, { type: string; help: string }>;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
const LABEL_VALUE = '"(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
const NUMBER = '(?:[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)|[+-]?Inf|NaN)';
const HELP = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE = new RegExp(
  `^(${NAME})(?:\\{((?:${LABEL}=${LABEL_VALUE})(?:,${LABEL}=${LABEL_VALUE})*,?)?\\})? (${NUMBER})(?: -?\\d+)?$`,
);
const PAIR = new RegExp(`(${LABEL})=(${LABEL_VALUE})`, 'g');
const SUFFIXES: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

export function parseExposition(text: string): Exposition {
  const help = new Map<string, string>();
  const families = new Map<string, { type: string; help: string }>();
  const samples: Sample[] = [];
  const familyOf = (name: string): string | undefined => {
    if (families.has(name) && !SUFFIXES[families.get(name)!.type]) return name;
    for (const [family, { type }] of families) {
      if ((SUFFIXES[type] ?? []).some((suffix) => name === family + suffix)) return family;
    }
    return undefined;
  };
  text.split('\n').forEach((line, index) => {
    const fail = (why: string) => {
      throw new Error(`line ${index + 1}: ${why}: ${JSON.stringify(line)}`);
    };
    if (line === '') return;
    let match: RegExpExecArray | null;
    if ((match = HELP.exec(line))) {
      if (help.has(match[1])) fail('second HELP');
      help.set(match[1], match[2]);
    } else if ((match = TYPE.exec(line))) {
      if (!help.has(match[1])) fail('TYPE before HELP');
      if (families.has(match[1])) fail('second TYPE');
      families.set(match[1], { type: match[2], help: help.get(match[1])! });
    } else if (line.startsWith('#')) {
      fail('unknown comment');
    } else if ((match = SAMPLE.exec(line))) {
      if (!familyOf(match[1])) fail('sample of an undeclared family');
      const labels: Record<string, string> = {};
      for (const [, key, quoted] of (match[2] ?? '').matchAll(PAIR)) {
        if (key in labels) fail(`label ${key} twice`);
        labels[key] = JSON.parse(quoted.replace(/\\n/g, '\\n')) as string;
      }
      samples.push({ name: match[1], labels, value: Number(match[3].replace('Inf', 'Infinity')) });
    } else {
      fail('not a sample');
    }
  });
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  return { families, samples };
}

/** The value of the one sample named `name` whose labels include `labels`; undefined when none. */
export function valueOf(exposition: Exposition, name: string, labels: Record<string, string> = {}): number | undefined {
  const found = exposition.samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
  );
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value;
}
