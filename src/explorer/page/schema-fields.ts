/** A typed body (JSON schema from the resource docs) shown as a nested list of its fields. */
import { h } from './dom.js';

type Schema = { [key: string]: unknown };

function typeName(schema: Schema): string {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Schema[]).map(typeName).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  const type = Array.isArray(schema.type)
    ? (schema.type as string[]).join(' | ')
    : typeof schema.type === 'string'
      ? schema.type
      : 'any';
  if (type === 'array' && schema.items && typeof schema.items === 'object') return `array of ${typeName(schema.items as Schema)}`;
  return type;
}

function children(schema: Schema): Schema | undefined {
  if (schema.type === 'object' && schema.properties) return schema;
  if (schema.type === 'array' && schema.items && typeof schema.items === 'object') return children(schema.items as Schema);
  return undefined;
}

/** Deeply nested bodies stop here rather than growing the page without end. */
const maxDepth = 6;

function fieldList(schema: Schema, depth: number): HTMLUListElement {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return h(
    'ul',
    { class: 'fields' },
    Object.entries(properties).map(([name, property]) => {
      const nested = children(property);
      return h(
        'li',
        {},
        h('code', {}, name),
        ': ',
        h('span', { class: 'type' }, typeName(property)),
        required.has(name) ? '' : h('span', { class: 'optional' }, ' (optional)'),
        nested && depth < maxDepth ? fieldList(nested, depth + 1) : null,
      );
    }),
  );
}

export function schemaFields(schema: unknown): HTMLElement {
  const root = schema && typeof schema === 'object' ? children(schema as Schema) : undefined;
  if (!root || Object.keys(root.properties as object).length === 0) return h('p', { class: 'muted' }, 'No fields.');
  return fieldList(root, 0);
}
