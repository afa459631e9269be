/**
 * Swagger 2.0 only knows a draft-4 subset of JSON Schema: no anyOf/oneOf/const, boolean exclusive
 * bounds, one type per schema. This maps the docs' schemas (TypeBox or inferred) into that subset,
 * keeping what it cannot express as `x-` extensions so no information is silently lost.
 */
import type { JsonSchema } from './json-schema.js';

const passThrough = new Set([
  'format',
  'title',
  'description',
  'default',
  'multipleOf',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'enum',
  'example',
]);

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function alternatives(schema: JsonSchema): JsonSchema[] | undefined {
  const list = schema.anyOf ?? schema.oneOf;
  return Array.isArray(list) ? list.filter(isObject) : undefined;
}

function fromAlternatives(variants: JsonSchema[]): JsonSchema {
  const nonNull = variants.filter((v) => v.type !== 'null');
  const nullable = nonNull.length < variants.length;
  let result: JsonSchema;
  if (nonNull.length > 0 && nonNull.every((v) => 'const' in v)) {
    // a union of literals is an enum
    const values = nonNull.map((v) => v.const);
    const types = [...new Set(nonNull.map((v) => v.type ?? typeof v.const))];
    result = { ...(types.length === 1 && typeof types[0] === 'string' ? { type: types[0] } : {}), enum: values };
  } else if (nonNull.length === 1) {
    result = toSwaggerSchema(nonNull[0]!);
  } else {
    result = { 'x-anyOf': nonNull.map(toSwaggerSchema) };
  }
  return nullable ? { ...result, 'x-nullable': true } : result;
}

export function toSwaggerSchema(schema: JsonSchema): JsonSchema {
  const variants = alternatives(schema);
  if (variants) return fromAlternatives(variants);

  const out: JsonSchema = {};
  const type = schema.type;
  if (Array.isArray(type)) {
    const concrete = type.filter((t) => t !== 'null');
    if (concrete.length === 1) out.type = concrete[0];
    if (concrete.length < type.length) out['x-nullable'] = true;
  } else if (type === 'null') {
    out['x-nullable'] = true;
  } else if (typeof type === 'string') {
    out.type = type;
  }
  for (const [key, value] of Object.entries(schema)) {
    if (passThrough.has(key)) out[key] = value;
  }
  if ('const' in schema) out.enum = [schema.const];
  // draft-06+ numeric exclusive bounds become draft-4 boolean flags
  if (typeof schema.exclusiveMaximum === 'number') {
    out.maximum = schema.exclusiveMaximum;
    out.exclusiveMaximum = true;
  }
  if (typeof schema.exclusiveMinimum === 'number') {
    out.minimum = schema.exclusiveMinimum;
    out.exclusiveMinimum = true;
  }
  if (isObject(schema.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, isObject(value) ? toSwaggerSchema(value) : {}]),
    );
  }
  if (Array.isArray(schema.required) && schema.required.length > 0) out.required = schema.required;
  if (isObject(schema.items)) out.items = toSwaggerSchema(schema.items);
  else if (out.type === 'array') out.items = {};
  if (isObject(schema.additionalProperties)) out.additionalProperties = toSwaggerSchema(schema.additionalProperties);
  else if (typeof schema.additionalProperties === 'boolean') out.additionalProperties = schema.additionalProperties;
  else if (isObject(schema.patternProperties)) {
    // a map (TypeBox Record): Swagger 2.0 has no key patterns, only the value type
    const values = Object.values(schema.patternProperties).filter(isObject);
    if (values.length === 1) out.additionalProperties = toSwaggerSchema(values[0]!);
  }
  if (Array.isArray(schema.allOf)) out.allOf = schema.allOf.filter(isObject).map(toSwaggerSchema);
  return out;
}
