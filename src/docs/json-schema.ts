/**
 * JSON schemas for the docs' typed bodies: the declared TypeBox schema when there is one, otherwise a
 * schema inferred from the example, so every documented body has a type even before it is declared.
 */
import type { TSchema } from '@sinclair/typebox';

export type JsonSchema = { [key: string]: unknown };

/** TypeBox schemas are JSON Schema plus symbol-keyed bookkeeping; a JSON round trip keeps only the schema. */
export function plainSchema(schema: TSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema)) as JsonSchema;
}

export function inferSchema(example: unknown): JsonSchema {
  if (example === null || example === undefined) return { type: 'null' };
  if (Array.isArray(example)) return { type: 'array', items: example.length > 0 ? inferSchema(example[0]) : {} };
  if (typeof example === 'string') return { type: 'string', example };
  if (typeof example === 'number') return { type: Number.isInteger(example) ? 'integer' : 'number', example };
  if (typeof example === 'boolean') return { type: 'boolean', example };
  if (typeof example !== 'object') return {};
  const entries = Object.entries(example as Record<string, unknown>);
  const schema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(entries.map(([key, value]) => [key, inferSchema(value)])),
  };
  // Keys that the example fills in are taken as always present; nulls may be absent or null.
  const required = entries.filter(([, value]) => value !== null && value !== undefined).map(([key]) => key);
  if (required.length > 0) schema.required = required;
  return schema;
}

/** The declared schema, else the example's shape; an absent body documents as an empty object. */
export function bodySchema(declared: TSchema | undefined, example: unknown): JsonSchema {
  if (declared) return plainSchema(declared);
  return inferSchema(example ?? {});
}
