/**
 * The few Handlebars AST nodes the validator reads (handlebars' own typings keep them in a
 * namespace that is not exported). Shapes from handlebars/types/index.d.ts, 4.7.
 */
export interface Loc {
  start: { line: number; column: number };
}

export interface Node {
  type: string;
  loc: Loc;
}

export interface Program extends Node {
  body: Node[];
  blockParams?: string[];
}

export interface PathExpression extends Node {
  type: 'PathExpression';
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
}

export interface StringLiteral extends Node {
  type: 'StringLiteral';
  value: string;
}

export interface Hash extends Node {
  pairs: Array<{ key: string; value: Node }>;
}

/** A mustache, a block, a sub-expression, a partial or a decorator: a path (or name) with arguments. */
export interface Call extends Node {
  path?: Node;
  name?: Node;
  params: Node[];
  hash?: Hash;
  escaped?: boolean;
  program?: Program;
  inverse?: Program;
}

export const isPath = (node: Node | undefined): node is PathExpression => node?.type === 'PathExpression';
