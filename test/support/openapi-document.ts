import { Ajv, type ValidateFunction } from 'ajv';

/** The parts of an OpenAPI 3.0 document the contract test reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Record<string, unknown>> };
}

export interface Operation {
  operationId: string;
  tags?: string[];
  responses: Record<string, { description: string; content?: Record<string, { schema?: Schema }> }>;
}

export type Schema = Record<string, unknown>;

const DOCUMENT_ID = 'openapi';

/**
 * OpenAPI 3.0 schemas as JSON Schema: `nullable` becomes a union with null (Ajv's own `nullable`
 * does not cover an `enum` or an `allOf` reference), and references point into the document
 * registered under DOCUMENT_ID.
 */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (typeof value !== 'object' || value === null) return value;
  const { nullable, example: _example, ...rest } = value as Schema;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' ? `${DOCUMENT_ID}${inner}` : toJsonSchema(inner),
    ]),
  );
  return nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

/** Validates bodies against the schemas the document declares, `$ref`s resolved into its components. */
export function schemaValidator(doc: OpenApiDocument): (schema: Schema) => ValidateFunction {
  // Not strict: the document carries keywords JSON Schema does not know (`example`, `format: uuid` aside).
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addSchema({ components: toJsonSchema(doc.components) }, DOCUMENT_ID);
  return (schema) => ajv.compile(toJsonSchema(schema) as Schema);
}

/** Every node of the document with its JSON pointer, for assertions over all of it. */
export function* nodes(value: unknown, pointer = ''): Generator<[string, Schema]> {
  if (typeof value !== 'object' || value === null) return;
  if (!Array.isArray(value)) yield [pointer, value as Schema];
  for (const [key, inner] of Object.entries(value)) yield* nodes(inner, `${pointer}/${key}`);
}

/** The schemas a 2xx answer can hold, following references and nesting. */
export function responseSchemaNames(doc: OpenApiDocument): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown) => {
    for (const [, node] of nodes(value)) {
      const ref = node.$ref;
      if (typeof ref !== 'string') continue;
      const name = ref.split('/').pop()!;
      if (names.has(name)) continue;
      names.add(name);
      visit(doc.components.schemas[name]);
    }
  };
  for (const operations of Object.values(doc.paths))
    for (const operation of Object.values(operations))
      for (const [status, response] of Object.entries(operation.responses))
        if (status.startsWith('2')) visit(response.content);
  return names;
}
