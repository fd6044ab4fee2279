import type Handlebars from 'handlebars';
import type { Call, Node, PathExpression, Program, StringLiteral } from './template-ast.js';
import { isPath } from './template-ast.js';
import { contextShape, type Shape, type TemplateEventType } from './template-context.js';
import { KNOWN_HELPERS, TEMPLATE_HELPERS } from './template-helpers.js';

/** The parts of a stored template, as the API names them. */
export type TemplatePart = 'subject' | 'body_text' | 'body_html';

const ITEM = '$item';
const LOOP_VARIABLES = new Set(['index', 'key', 'first', 'last']);
/** Blocks that hand their inner template a new context: the rest (if, unless, helpers) keep it. */
const CONTEXT_BLOCKS = new Set(['each', 'with']);

interface Frame {
  shape: Shape;
  params: Map<string, Shape>;
}

const members = (shape: Shape): string[] =>
  typeof shape === 'object' ? Object.keys(shape).filter((name) => name !== ITEM) : [];

/**
 * Checks one template part against what its event type carries, walking the Handlebars AST: every
 * path (in mustaches, block and helper arguments, hash values, sub-expressions) must name a field
 * the render context has; blocks that change the context (each, with) are followed, with their
 * block params. Returns the problems, each naming the part, line and field; none means it is fine.
 */
export class TemplateValidator {
  private readonly problems: string[] = [];
  private readonly frames: Frame[] = [];

  private constructor(
    private readonly part: TemplatePart,
    private readonly type: TemplateEventType,
  ) {}

  static check(env: typeof Handlebars, part: TemplatePart, type: TemplateEventType, source: string): string[] {
    const tooBig = complexity(part, source);
    if (tooBig) return [tooBig];
    const validator = new TemplateValidator(part, type);
    let ast: Program;
    try {
      ast = env.parse(source) as unknown as Program;
      // Compiling (not only parsing) is what refuses an unknown helper (knownHelpersOnly).
      env.precompile(ast, { knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true });
    } catch (error) {
      return [`${part}: does not compile: ${compileMessage(error)}`];
    }
    validator.frames.push({ shape: contextShape(type), params: new Map() });
    validator.program(ast);
    return validator.problems;
  }

  private report(node: Node, message: string): void {
    if (this.problems.length < 20) this.problems.push(`${this.part}, line ${node.loc.start.line}: ${message}`);
  }

  private program(program: Program | undefined): void {
    for (const statement of program?.body ?? []) this.statement(statement as Call);
  }

  private statement(node: Call): void {
    switch (node.type) {
      case 'MustacheStatement':
        if (node.escaped === false && this.part === 'body_html') {
          this.report(
            node,
            'unescaped output ({{{ }}} or {{& }}) is not allowed in HTML: event data could inject markup',
          );
        }
        this.call(node);
        return;
      case 'BlockStatement':
        return this.block(node);
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return this.report(node, 'partials ({{> name}}) are not available in notification templates');
      case 'DecoratorBlock':
      case 'Decorator':
        return this.report(node, 'decorators ({{* name}}) are not available in notification templates');
      default:
        return; // content and comments
    }
  }

  /** A mustache or sub-expression: a helper with arguments, or a value. */
  private call(node: Call): Shape | undefined {
    const path = node.path;
    if (isPath(path) && this.isHelper(path, node)) {
      this.knownHelper(path, node);
      const shapes = node.params.map((param) => this.expression(param));
      for (const pair of node.hash?.pairs ?? []) this.expression(pair.value);
      this.lookupHelper(path, node, shapes[0]);
      return true;
    }
    return path ? this.expression(path) : undefined;
  }

  private isHelper(path: PathExpression, node: Call): boolean {
    const simple = !path.data && path.depth === 0 && path.parts.length === 1 && !/^(this|\.)/.test(path.original);
    if (!simple) return false;
    return Object.hasOwn(KNOWN_HELPERS, path.parts[0]) || node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
  }

  /** Handlebars compiles its own `log` (and the *Missing hooks) whatever knownHelpers says. */
  private knownHelper(path: PathExpression, node: Call): void {
    if (!Object.hasOwn(KNOWN_HELPERS, path.parts[0])) this.report(node, `unknown helper ${path.parts[0]}`);
  }

  /** `lookup obj "field"` with a literal field is checked like `obj.field`. */
  private lookupHelper(path: PathExpression, node: Call, shape: Shape | undefined): void {
    const [target, key] = node.params;
    if (path.parts[0] !== 'lookup' || !isPath(target) || key?.type !== 'StringLiteral' || shape === undefined) return;
    this.descend(target, shape, [(key as StringLiteral).value], target.original);
  }

  private block(node: Call): void {
    const path = node.path as PathExpression;
    const name = path.parts[0];
    const helper = this.isHelper(path, node);
    const argument = helper ? node.params[0] : path;
    const subject = argument ? this.expression(argument) : undefined;
    if (helper) {
      this.knownHelper(path, node);
      for (const param of node.params.slice(1)) this.expression(param);
      for (const pair of node.hash?.pairs ?? []) this.expression(pair.value);
    }
    // each/with and a section over a value ({{#data.details}}) render their block inside it.
    const changes = !helper || CONTEXT_BLOCKS.has(name);
    let inner: Shape = subject ?? true;
    if (changes && helper && name === 'each')
      inner = typeof subject === 'object' && ITEM in subject ? subject[ITEM] : true;
    if (changes) {
      const params = new Map<string, Shape>();
      const [first, second] = node.program?.blockParams ?? [];
      if (first) params.set(first, inner);
      if (second) params.set(second, false);
      this.frames.push({ shape: inner, params });
      this.program(node.program);
      this.frames.pop();
    } else {
      // Handlebars does not count a block that keeps the context (if, unless) in `../`.
      this.program(node.program);
    }
    this.program(node.inverse);
  }

  /** An argument: a path is resolved against the context; literals are fine; sub-expressions recurse. */
  private expression(node: Node): Shape | undefined {
    if (node.type === 'SubExpression') return this.call(node as Call);
    if (!isPath(node)) return false;
    return this.resolve(node);
  }

  private resolve(path: PathExpression): Shape | undefined {
    const [head, ...rest] = path.parts;
    if (path.data) {
      if (head === 'root') return this.descend(path, this.frames[0].shape, rest, '@root');
      if (LOOP_VARIABLES.has(head) && rest.length === 0) return false;
      this.report(path, `unknown variable @${head} (available: @root, @index, @key, @first, @last)`);
      return undefined;
    }
    const scoped = /^(this\b|\.\/|\.\.\/)/.test(path.original);
    if (!scoped && path.depth === 0 && head !== undefined) {
      for (let i = this.frames.length - 1; i >= 0; i--) {
        const bound = this.frames[i].params.get(head);
        if (bound !== undefined) return this.descend(path, bound, rest, head);
      }
    }
    const frame = this.frames[this.frames.length - 1 - path.depth];
    if (!frame) {
      this.report(path, `${path.original} climbs above the template's root`);
      return undefined;
    }
    return this.descend(path, frame.shape, path.parts, '');
  }

  /** Follows `parts` down `shape`, reporting the first name the context does not have. */
  private descend(path: PathExpression, shape: Shape, parts: string[], prefix: string): Shape | undefined {
    let current = shape;
    let at = prefix;
    for (const part of parts) {
      if (current === true) return true;
      const name = at ? `${at}.${part}` : part;
      // Own members only: `constructor` and the like are no fields (Handlebars refuses them too).
      if (current === false || !Object.hasOwn(current, part) || part === ITEM) {
        this.report(path, this.unknown(name, at, current));
        return undefined;
      }
      current = current[part];
      at = name;
    }
    return current;
  }

  private unknown(name: string, parent: string, shape: Shape): string {
    if (shape === false) return `unknown field ${name}: ${parent} is a plain value`;
    const known = members(shape).join(', ') || 'none';
    if (parent === 'data')
      return `unknown field ${name}: ${this.type} events carry data.${known.replaceAll(', ', ', data.')}`;
    if (parent === '' || parent === '@root') {
      const helpers = TEMPLATE_HELPERS.join(', ');
      return `unknown name ${name}: a template may use ${known} (helpers: ${helpers})`;
    }
    return `unknown field ${name}: ${parent} has ${known}`;
  }
}

// Handlebars' parser and compiler take ~1 ms per expression on this hardware and recurse per
// nesting level: a message needs a few dozen expressions, a few levels deep. Counted on the
// source, before parsing, so a hostile template costs nothing.
export const MAX_EXPRESSIONS = 300;
export const MAX_BLOCK_DEPTH = 16;

function complexity(part: TemplatePart, source: string): string | null {
  const expressions = source.split('{{').length - 1;
  if (expressions > MAX_EXPRESSIONS) {
    return `${part}: ${expressions} {{ }} expressions, at most ${MAX_EXPRESSIONS} are allowed`;
  }
  let depth = 0;
  for (const [, sigil] of source.matchAll(/\{\{~?\s*(#|\^(?=\s*[^\s}~])|\/)/g)) {
    depth += sigil === '/' ? -1 : 1;
    if (depth > MAX_BLOCK_DEPTH) return `${part}: blocks nest more than ${MAX_BLOCK_DEPTH} deep`;
  }
  return null;
}

/** Handlebars' parse errors span several lines with a caret diagram: the first and last lines say it. */
function compileMessage(error: unknown): string {
  const lines = String(error instanceof Error ? error.message : error)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const message = lines.length > 2 ? `${lines[0]} ${lines.at(-1)}` : lines.join(' ');
  return message.slice(0, 300);
}
