/**
 * Invalid request bodies derived from an endpoint's TypeBox body schema and its declared example request.
 *
 * Every variant is invalid by construction, for at least one of these reasons (its `claims`):
 * - `schema`: the parsed body breaks the declared schema (checked here with TypeBox's Value.Check,
 *   whatever `__proto__` members or duplicate keys it also carries);
 * - `json`: the text is not JSON at all;
 * - `parser`: well-formed JSON that the HTTP layer refuses: a string value with NUL, another C0
 *   control (not TAB/LF/CR) or a lone surrogate; a `__proto__` key; a duplicate key; nesting deeper
 *   than 32;
 * - `size`: more bytes than the endpoint's body limit.
 * So 4xx is the only right answer, whichever rule catches it first.
 */
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import fc from 'fast-check';
import {
  addMembers,
  clone,
  deepText,
  deleteAt,
  getAt,
  Members,
  RawJson,
  setAt,
  toJsonText,
  type JsonLike,
  type JsonPath,
} from './json-text.js';

export const bodyKinds = [
  'wrong-type',
  'null',
  'missing-required',
  'root-type',
  'long-string',
  'huge-number',
  'nul',
  'control',
  'surrogate',
  'proto',
  'constructor',
  'duplicate-key',
  'deep',
  'content-type',
  'empty',
  'not-json',
  'truncated',
  'oversize',
] as const;
export type BodyKind = (typeof bodyKinds)[number];

export type Claim = 'schema' | 'json' | 'parser' | 'size';

export interface BodyVariant {
  kind: BodyKind;
  claims: Claim[];
  /** what was done, e.g. `$.balance.amount ← 1e400` */
  note: string;
  /** undefined: no Content-Type header */
  contentType: string | undefined;
  /** undefined: no body at all */
  body: string | Buffer | undefined;
}

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  maxLength?: number;
}

interface Slot {
  path: JsonPath;
  schema: SchemaNode;
  /** a required member of its object (array elements count as not required) */
  required: boolean;
  value: JsonLike;
}

export interface BodyContext {
  schema: TSchema;
  /** the declared example request when it satisfies the schema, else a value created from the schema */
  base: JsonLike;
  slots: Slot[];
  /** paths of the objects in `base`, the root first */
  objects: JsonPath[];
  /** bytes above which the endpoint must refuse a body */
  limit: number;
}

const show = (path: JsonPath) => '$' + path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');

function allowedTypes(schema: SchemaNode): Set<string> | undefined {
  if (schema.anyOf) {
    const all = new Set<string>();
    for (const member of schema.anyOf) {
      const t = allowedTypes(member);
      if (!t) return undefined;
      for (const x of t) all.add(x);
    }
    return all;
  }
  if (schema.type === undefined) return undefined;
  const types = new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (types.has('integer')) types.add('number');
  return types;
}

function jsonType(value: JsonLike): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Members) return 'object';
  if (value instanceof RawJson) return 'raw';
  return typeof value;
}

/** Walks `value` along `schema`, one slot per member or array element (the first two elements of an array). */
function walk(schema: SchemaNode, value: JsonLike, path: JsonPath, slots: Slot[], objects: JsonPath[]): void {
  if (schema.anyOf) {
    const member = schema.anyOf.find((m) => Value.Check(m as TSchema, value));
    if (member) walk(member, value, path, slots, objects);
    return;
  }
  if (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Members) &&
    !(value instanceof RawJson)
  ) {
    objects.push(path);
    const object = value as Record<string, JsonLike>;
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (!(key in object)) continue;
      const slot = { path: [...path, key], schema: sub, required: (schema.required ?? []).includes(key), value: object[key]! };
      slots.push(slot);
      walk(sub, slot.value, slot.path, slots, objects);
    }
  } else if (Array.isArray(value) && schema.items) {
    value.slice(0, 2).forEach((element, i) => {
      const slot = { path: [...path, i], schema: schema.items!, required: false, value: element };
      slots.push(slot);
      walk(schema.items!, element, slot.path, slots, objects);
    });
  }
}

export function bodyContext(schema: TSchema, example: unknown, limit: number): BodyContext {
  const base = (Value.Check(schema, example) ? clone(example) : Value.Create(schema)) as JsonLike;
  const slots: Slot[] = [];
  const objects: JsonPath[] = [];
  walk(schema as SchemaNode, base, [], slots, objects);
  if (objects.length === 0) objects.push([]);
  return { schema, base, slots, objects, limit };
}

/** The body as today's parser reads it (last duplicate wins, `__proto__` members dropped). */
function parsed(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value)) };
  } catch {
    return { ok: false };
  }
}

export function breaksSchema(schema: TSchema, text: string): boolean {
  const p = parsed(text);
  return !p.ok || !Value.Check(schema, p.value);
}

// ---------------------------------------------------------------- building blocks

/** Values of every JSON type, including numbers no double holds and strings no column likes. */
const typedSamples: Record<string, JsonLike[]> = {
  string: ['', 'x', '12', 'true', 'null', ' ', '\u{1F4B0}'],
  number: [
    0,
    -1,
    1.5,
    new RawJson('1e400'),
    new RawJson('-1e400'),
    new RawJson('123456789012345678901234567890'),
    new RawJson('-0'),
  ],
  boolean: [true, false],
  null: [null],
  array: [[], [1], ['a', null], [{}]],
  object: [{}, { a: 1 }, { '': '' }],
};

const hugeNumbers = [
  '1e400',
  '-1e400',
  '1e308',
  '-1.7976931348623157e308',
  '9007199254740993',
  '-9223372036854775809',
  '18446744073709551616',
  '123456789012345678901234567890123456789',
  '-1',
  '-0',
  '-0.0',
  '5e-324',
  '1e-400',
  '-2147483649',
];

const c0Controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => !'\t\n\r'.includes(c));
const loneSurrogates = ['\ud800', '\udfff', '\udbff', 'a\ud800b', '\udc00\ud800', 'x\ud83d', '\ude00y'];

function wrongTypeValues(slot: Slot): JsonLike[] {
  const allowed = allowedTypes(slot.schema);
  if (!allowed) return [];
  return Object.entries(typedSamples)
    .filter(([type]) => !allowed.has(type))
    .flatMap(([, values]) => values);
}

/** Any of the schema-breaking changes at slot level (the root stays an object). */
function schemaBreak(ctx: BodyContext): fc.Arbitrary<{ body: JsonLike; note: string }> {
  const options: fc.Arbitrary<{ body: JsonLike; note: string }>[] = [];
  const typed = ctx.slots.filter((s) => wrongTypeValues(s).length > 0);
  if (typed.length > 0) {
    options.push(
      fc
        .constantFrom(...typed)
        .chain((slot) => fc.constantFrom(...wrongTypeValues(slot)).map((v) => ({ slot, v })))
        .map(({ slot, v }) => ({ body: setAt(ctx.base, slot.path, v), note: `${show(slot.path)} ← ${toJsonText(v)}` })),
    );
  }
  const required = ctx.slots.filter((s) => s.required);
  if (required.length > 0) {
    options.push(
      fc.constantFrom(...required).map((slot) => ({ body: deleteAt(ctx.base, slot.path), note: `${show(slot.path)} missing` })),
    );
  }
  if (options.length === 0) {
    // a schema without typed members: the root itself is the thing to break
    options.push(fc.constantFrom<JsonLike>([], 'text', 0, true).map((v) => ({ body: v, note: `$ ← ${toJsonText(v)}` })));
  }
  return decorated(
    ctx,
    fc.oneof(...options).filter((b) => breaksSchema(ctx.schema, toJsonText(b.body))),
  );
}

/**
 * Some random extra members (any JSON, under any name) in one of the objects of a broken body: more
 * variety around the break. Whatever they add, the body must still break the schema.
 */
function decorated(
  ctx: BodyContext,
  arb: fc.Arbitrary<{ body: JsonLike; note: string }>,
): fc.Arbitrary<{ body: JsonLike; note: string }> {
  const extra = fc.array(
    fc.tuple(fc.string({ unit: 'binary', maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonLike>),
    {
      minLength: 1,
      maxLength: 3,
    },
  );
  return fc
    .tuple(arb, fc.option(fc.tuple(fc.constantFrom(...ctx.objects), extra), { freq: 2 }))
    .map(([b, more]) => {
      if (!more || getAt(b.body, more[0]) === undefined) return b;
      const [at, members] = more;
      return {
        body: addMembers(b.body, at, members),
        note: `${b.note}; + ${members.map(([k, v]) => `${show([...at, k])} ← ${toJsonText(v).slice(0, 40)}`).join(', ')}`,
      };
    })
    .filter((b) => breaksSchema(ctx.schema, toJsonText(b.body)));
}

/** A place for an extra member: the object at one of `ctx.objects`, under a name the schema does not know. */
function extraMember(ctx: BodyContext, body: JsonLike, name: string, value: JsonLike): JsonLike {
  return addMembers(body, ctx.objects[0]!, [[name, value]]);
}

function json(kind: BodyKind, claims: Claim[], note: string, body: JsonLike): BodyVariant {
  return { kind, claims, note, contentType: 'application/json', body: toJsonText(body) };
}

/** A string slot, or a new member, that gets `inject(original)`; parser-invalid whatever the schema says. */
function badString(ctx: BodyContext, kind: BodyKind, bad: fc.Arbitrary<string>): fc.Arbitrary<BodyVariant> {
  const strings = ctx.slots.filter((s) => typeof s.value === 'string');
  const placements: fc.Arbitrary<BodyVariant>[] = [
    fc
      .tuple(fc.constantFrom(...ctx.objects), bad)
      .map(([at, s]) =>
        json(kind, ['parser'], `${show([...at, 'note'])} ← ${JSON.stringify(s)}`, addMembers(ctx.base, at, [['note', s]])),
      ),
  ];
  if (strings.length > 0) {
    placements.push(
      fc.tuple(fc.constantFrom(...strings), bad, fc.nat()).map(([slot, s, at]) => {
        const original = slot.value as string;
        const cut = at % (original.length + 1);
        const value = original.slice(0, cut) + s + original.slice(cut);
        return json(kind, ['parser'], `${show(slot.path)} ← ${JSON.stringify(value)}`, setAt(ctx.base, slot.path, value));
      }),
    );
    // a whole string replaced (e.g. a username that is only a NUL)
    placements.push(
      fc
        .tuple(fc.constantFrom(...strings), bad)
        .map(([slot, s]) => json(kind, ['parser'], `${show(slot.path)} ← ${JSON.stringify(s)}`, setAt(ctx.base, slot.path, s))),
    );
  }
  return fc.oneof(...placements);
}

function padded(text: string, size: number): string {
  // text is an object's JSON: the padding member goes last, before the closing brace
  const pad = Math.max(0, size - text.length - 16);
  return `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}"padding":"${'x'.repeat(pad)}"}`;
}

// ---------------------------------------------------------------- the kinds

export function bodyArbitrary(ctx: BodyContext, kind: BodyKind): fc.Arbitrary<BodyVariant> {
  const broken = schemaBreak(ctx);
  switch (kind) {
    case 'wrong-type': {
      const typed = ctx.slots.filter((s) => wrongTypeValues(s).length > 0);
      if (typed.length === 0) return bodyArbitrary(ctx, 'root-type');
      const changed = fc
        .constantFrom(...typed)
        .chain((slot) => fc.constantFrom(...wrongTypeValues(slot)).map((v) => ({ slot, v })))
        .map(({ slot, v }) => ({ body: setAt(ctx.base, slot.path, v), note: `${show(slot.path)} ← ${toJsonText(v)}` }));
      return decorated(ctx, changed).map((b) => json(kind, ['schema'], b.note, b.body));
    }
    case 'null': {
      const notNull = ctx.slots.filter((s) => !(allowedTypes(s.schema)?.has('null') ?? true));
      const nulled = notNull.flatMap((s) => [
        { body: setAt(ctx.base, s.path, null), note: `${show(s.path)} ← null` },
        { body: setAt(ctx.base, s.path, [null]), note: `${show(s.path)} ← [null]` },
      ]);
      const root = json(kind, ['schema'], '$ ← null', null);
      if (nulled.length === 0) return fc.constant(root);
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(root) },
        { weight: 9, arbitrary: decorated(ctx, fc.constantFrom(...nulled)).map((b) => json(kind, ['schema'], b.note, b.body)) },
      );
    }
    case 'missing-required': {
      const required = ctx.slots.filter((s) => s.required);
      if (required.length === 0) return bodyArbitrary(ctx, 'root-type');
      // one required member gone, or several
      const removed = fc.subarray(required, { minLength: 1 }).map((gone) => ({
        // deepest first, so a removed parent does not hide a child path
        body: [...gone].sort((a, b) => b.path.length - a.path.length).reduce((b, s) => deleteAt(b, s.path), ctx.base),
        note: `missing ${gone.map((s) => show(s.path)).join(', ')}`,
      }));
      return decorated(ctx, removed).map((b) => json(kind, ['schema'], b.note, b.body));
    }
    case 'root-type':
      return fc
        .constantFrom<JsonLike>([], [ctx.base], 'text', '', 0, -1, new RawJson('1e400'), true, false, null, [[]], [null])
        .map((v) => json(kind, ['schema'], `$ ← ${toJsonText(v).slice(0, 80)}`, v))
        .filter((v) => breaksSchema(ctx.schema, v.body as string));
    case 'long-string': {
      const limited = ctx.slots.filter((s) => typeof s.value === 'string' && s.schema.maxLength !== undefined);
      const tooLong = limited.map((slot) =>
        fc.integer({ min: 1, max: 5000 }).map((extra) => {
          const value = 'x'.repeat(slot.schema.maxLength! + extra);
          return json(
            kind,
            ['schema'],
            `${show(slot.path)} ← ${value.length} × "x" (maxLength ${slot.schema.maxLength})`,
            setAt(ctx.base, slot.path, value),
          );
        }),
      );
      const strings = ctx.slots.filter((s) => typeof s.value === 'string');
      // a long string somewhere, the body broken elsewhere
      const withBreak = fc
        .tuple(
          broken,
          fc.integer({ min: 1000, max: Math.max(1000, Math.min(60_000, Math.floor(ctx.limit / 2))) }),
          fc.constantFrom('x', 'é', '\u{1F4B0}', '\\'),
        )
        .map(([b, n, unit]) => {
          const value = unit.repeat(Math.ceil(n / unit.length));
          const target = strings.find((s) => getAt(b.body, s.path) !== undefined && typeof getAt(b.body, s.path) === 'string');
          const body = target ? setAt(b.body, target.path, value) : extraMember(ctx, b.body, 'long', value);
          const where = target ? show(target.path) : '$.long';
          return json(kind, ['schema'], `${b.note}; ${where} ← ${value.length} × ${JSON.stringify(unit)}`, body);
        })
        .filter((v) => breaksSchema(ctx.schema, v.body as string));
      return tooLong.length > 0 ? fc.oneof(...tooLong, withBreak) : withBreak;
    }
    case 'huge-number': {
      const notNumber = ctx.slots.filter((s) => !(allowedTypes(s.schema)?.has('number') ?? true));
      const numbers = ctx.slots.filter((s) => allowedTypes(s.schema)?.has('number'));
      const options: fc.Arbitrary<BodyVariant>[] = [];
      if (notNumber.length > 0) {
        options.push(
          fc
            .tuple(fc.constantFrom(...notNumber), fc.constantFrom(...hugeNumbers))
            .map(([slot, n]) => json(kind, ['schema'], `${show(slot.path)} ← ${n}`, setAt(ctx.base, slot.path, new RawJson(n)))),
        );
      }
      if (numbers.length > 0) {
        // number members take any number: the body is broken elsewhere too
        options.push(
          fc
            .tuple(broken, fc.constantFrom(...numbers), fc.constantFrom(...hugeNumbers))
            .map(([b, slot, n]) =>
              json(kind, ['schema'], `${b.note}; ${show(slot.path)} ← ${n}`, setAt(b.body, slot.path, new RawJson(n))),
            ),
        );
      }
      if (options.length === 0) {
        options.push(fc.constantFrom(...hugeNumbers).map((n) => json(kind, ['schema'], `$ ← ${n}`, new RawJson(n))));
      }
      return fc.oneof(...options).filter((v) => breaksSchema(ctx.schema, v.body as string));
    }
    case 'nul':
      return badString(ctx, kind, fc.constantFrom('\u0000', 'a\u0000', '\u0000\u0000', 'x\u0000y', '%00\u0000'));
    case 'control':
      return badString(
        ctx,
        kind,
        fc.tuple(fc.constantFrom(...c0Controls), fc.constantFrom('', 'a', 'ok ')).map(([c, prefix]) => prefix + c),
      );
    case 'surrogate':
      return badString(ctx, kind, fc.constantFrom(...loneSurrogates));
    case 'proto': {
      const payloads: JsonLike[] = [
        {},
        { polluted: true },
        { isAdmin: true, roles: ['CanCreateSandbox'] },
        null,
        'x',
        [],
        clone(ctx.base),
      ];
      return fc.tuple(fc.constantFrom(...ctx.objects), fc.constantFrom(...payloads), fc.boolean()).map(([at, payload, first]) => {
        const object = getAt(ctx.base, at);
        const own =
          object !== null && typeof object === 'object' && !Array.isArray(object)
            ? Object.entries(object as Record<string, JsonLike>)
            : [];
        const members: [string, JsonLike][] = first ? [['__proto__', payload], ...own] : [...own, ['__proto__', payload]];
        return json(
          kind,
          ['parser'],
          `${show([...at, '__proto__'])} ← ${toJsonText(payload).slice(0, 80)}`,
          setAt(ctx.base, at, new Members(members)),
        );
      });
    }
    case 'constructor':
      // `constructor` and friends are legal JSON keys: only ever sent with a body broken otherwise
      return fc
        .tuple(
          broken,
          fc.constantFrom('constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON'),
          fc.constantFrom<JsonLike>({ prototype: { polluted: true } }, { polluted: true }, 1, 'x', null, []),
          fc.constantFrom(...ctx.objects),
        )
        .map(([b, key, value, at]) =>
          json(
            kind,
            ['schema'],
            `${b.note}; ${show([...at, key])} ← ${toJsonText(value)}`,
            addMembers(b.body, getAt(b.body, at) === undefined ? [] : at, [[key, value]]),
          ),
        )
        .filter((v) => breaksSchema(ctx.schema, v.body as string));
    case 'duplicate-key': {
      const members = ctx.slots.filter((s) => typeof s.path[s.path.length - 1] === 'string');
      const second = (slot: Slot) =>
        fc.oneof(fc.constantFrom(...wrongTypeValues(slot), null), fc.string({ maxLength: 12 }), fc.boolean());
      const options: fc.Arbitrary<BodyVariant>[] = [
        // a key the schema does not know, twice
        fc.tuple(fc.constantFrom(...ctx.objects), fc.integer(), fc.integer()).map(([at, a, b]) =>
          json(
            kind,
            ['parser'],
            `${show([...at, 'x'])} twice: ${a}, ${b}`,
            addMembers(ctx.base, at, [
              ['x', a],
              ['x', b],
            ]),
          ),
        ),
      ];
      if (members.length > 0) {
        options.push(
          fc
            .constantFrom(...members)
            .chain((slot) => fc.tuple(fc.constant(slot), second(slot), fc.boolean()))
            .map(([slot, other, otherFirst]) => {
              const key = slot.path[slot.path.length - 1] as string;
              const parent = slot.path.slice(0, -1);
              const object = getAt(ctx.base, parent) as Record<string, JsonLike>;
              const entries = Object.entries(object).flatMap(([k, v]): [string, JsonLike][] =>
                k !== key
                  ? [[k, v]]
                  : otherFirst
                    ? [
                        [k, other],
                        [k, v],
                      ]
                    : [
                        [k, v],
                        [k, other],
                      ],
              );
              const values = otherFirst ? [other, slot.value] : [slot.value, other];
              return json(
                kind,
                ['parser'],
                `${show(slot.path)} twice: ${values.map((v) => toJsonText(v).slice(0, 60)).join(', ')}`,
                setAt(ctx.base, parent, new Members(entries)),
              );
            }),
        );
      }
      return fc.oneof(...options);
    }
    case 'deep': {
      const depth = fc.oneof(fc.integer({ min: 40, max: 120 }), fc.integer({ min: 120, max: 5000 }));
      const shape = fc.constantFrom<'array' | 'object' | 'mixed'>('array', 'object', 'mixed');
      const options: fc.Arbitrary<BodyVariant>[] = [
        fc
          .tuple(depth, shape, fc.constantFrom(...ctx.objects))
          .map(([d, s, at]) =>
            json(
              kind,
              ['parser'],
              `${show([...at, 'deep'])} ← ${s} nested ${d} deep`,
              addMembers(ctx.base, at, [['deep', new RawJson(deepText(d, s))]]),
            ),
          ),
        fc
          .tuple(depth, shape)
          .map(([d, s]) => json(kind, ['parser', 'schema'], `$ ← ${s} nested ${d} deep`, new RawJson(deepText(d, s)))),
      ];
      if (ctx.slots.length > 0) {
        options.push(
          fc
            .tuple(depth, shape, fc.constantFrom(...ctx.slots))
            .map(([d, s, slot]) =>
              json(
                kind,
                ['parser'],
                `${show(slot.path)} ← ${s} nested ${d} deep`,
                setAt(ctx.base, slot.path, new RawJson(deepText(d, s))),
              ),
            ),
        );
      }
      return fc.oneof(...options);
    }
    case 'content-type': {
      const fields = ctx.slots.filter((s) => s.path.length === 1);
      const form = fields
        .map(
          (s) =>
            `${encodeURIComponent(String(s.path[0]))}=${encodeURIComponent(typeof s.value === 'string' ? s.value : toJsonText(s.value))}`,
        )
        .join('&');
      const xml = `<?xml version="1.0"?><body>${fields.map((s) => `<${String(s.path[0])}>${typeof s.value === 'string' ? s.value : toJsonText(s.value)}</${String(s.path[0])}>`).join('')}</body>`;
      const types = [
        'text/plain',
        'application/xml',
        'text/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=fuzz',
        'text/html; charset=utf-8',
        'application/octet-stream',
        'application/json; charset=latin1',
        'application/x-www-form-urlencoded; charset=utf-8',
        '',
      ];
      const notJson: [string, string][] = [
        ['form fields', form === '' ? 'a=1&b=2' : form],
        ['XML', xml],
        ['multipart', `--fuzz\r\nContent-Disposition: form-data; name="body"\r\n\r\n${toJsonText(ctx.base)}\r\n--fuzz--\r\n`],
        ['HTML', '<html><body><form><input name="a"></form></body></html>'],
      ];
      return fc.oneof(
        fc.tuple(fc.constantFrom(...types), fc.constantFrom(...notJson)).map(([type, [what, text]]): BodyVariant => ({
          kind,
          claims: ['json'],
          note: `${what} as ${type || 'no type'}`,
          contentType: type || undefined,
          body: text,
        })),
        fc.tuple(fc.constantFrom(...types), broken).map(([type, b]): BodyVariant => ({
          kind,
          claims: ['schema'],
          note: `${b.note} as ${type || 'no type'}`,
          contentType: type || undefined,
          body: toJsonText(b.body),
        })),
      );
    }
    case 'empty':
      return fc.constantFrom<BodyVariant>(
        { kind, claims: ['schema'], note: 'no body, no type', contentType: undefined, body: undefined },
        { kind, claims: ['schema'], note: 'no body, JSON type', contentType: 'application/json', body: undefined },
        { kind, claims: ['schema'], note: 'empty body', contentType: 'application/json', body: '' },
        { kind, claims: ['schema'], note: 'blank body', contentType: 'application/json', body: ' \r\n\t ' },
        { kind, claims: ['schema'], note: 'empty body, text type', contentType: 'text/plain', body: '' },
        { kind, claims: ['schema'], note: 'empty body, form type', contentType: 'application/x-www-form-urlencoded', body: '' },
      );
    case 'not-json': {
      const base = toJsonText(ctx.base);
      const texts: (string | Buffer)[] = [
        'undefined',
        'NaN',
        'Infinity',
        "{'a': 1}",
        '{a: 1}',
        '{"a": 1,}',
        '[1, 2,]',
        '// comment\n{}',
        '{"a": 01}',
        '{"a": .5}',
        '{"a": +1}',
        '{"a": 0x10}',
        '"unterminated',
        '{"a": "b" "c": 1}',
        'tru',
        '{}{}',
        `${base}${base}`,
        `${base} x`,
        `x${base}`,
        `{"a": "x\u0001y"}`,
        `{"a": "x\ty"}`,
        '\u0000',
        `${base.slice(0, -1)}\u0000}`,
        Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
        Buffer.concat([Buffer.from(base.slice(0, 1)), Buffer.from([0xc0, 0xaf]), Buffer.from(base.slice(1))]),
      ];
      const random = fc.string({ unit: 'binary', maxLength: 64 }).filter((s) => s.trim() !== '' && !parsed(s).ok);
      return fc.oneof(
        fc
          .constantFrom(...texts)
          .map((t): BodyVariant => ({ kind, claims: ['json'], note: 'not JSON', contentType: 'application/json', body: t })),
        random.map((t): BodyVariant => ({
          kind,
          claims: ['json'],
          note: 'random text',
          contentType: 'application/json',
          body: t,
        })),
      );
    }
    case 'truncated':
      return fc
        .tuple(
          fc.oneof(
            fc.constant(ctx.base),
            broken.map((b) => b.body),
          ),
          fc.integer({ min: 0, max: 0x7fffffff }),
        )
        .map(([body, at]): BodyVariant => {
          const text = toJsonText(body);
          const cut = 1 + (at % Math.max(1, text.length - 1));
          return {
            kind,
            claims: ['json'],
            note: `cut at ${cut} of ${text.length}`,
            contentType: 'application/json',
            body: text.slice(0, cut),
          };
        })
        .filter((v) => !parsed(v.body as string).ok);
    case 'oversize': {
      const objectBroken = broken.filter((b) => jsonType(b.body) === 'object');
      // just above the limit when broken anyway; well above it (a limit of "about" the size still refuses) when not
      const margin = Math.min(ctx.limit, 1 << 20);
      return fc.oneof(
        // too big and broken: refused whichever check comes first
        fc
          .tuple(objectBroken, fc.integer({ min: ctx.limit + 1, max: ctx.limit + margin }))
          .map(([b, size]) => oversized(kind, ['size', 'schema'], b.note, toJsonText(b.body), size)),
        // too big and otherwise fine
        fc
          .integer({ min: ctx.limit + margin, max: ctx.limit + 2 * margin })
          .map((size) => oversized(kind, ['size'], 'example', toJsonText(ctx.base), size)),
      );
    }
    default: {
      const never: never = kind;
      throw new Error(`unknown kind ${String(never)}`);
    }
  }
}

export function oversized(kind: BodyKind, claims: Claim[], note: string, text: string, size: number): BodyVariant {
  const body =
    text.startsWith('{') && text.endsWith('}') ? padded(text, size) : text + ' '.repeat(Math.max(0, size - text.length));
  return { kind, claims, note: `${note}, padded to ${body.length} bytes`, contentType: 'application/json', body };
}

/** Adds the claims a variant also satisfies: `schema` when its JSON breaks the schema, `json` when it is not JSON. */
function withAllClaims(ctx: BodyContext, v: BodyVariant): BodyVariant {
  if (typeof v.body !== 'string' || v.body.trim() === '') return v;
  const claims = new Set(v.claims);
  if (!parsed(v.body).ok) claims.add('json');
  else if (breaksSchema(ctx.schema, v.body)) claims.add('schema');
  return { ...v, claims: [...claims] };
}

const identity = (v: BodyVariant) =>
  `${v.contentType ?? ''}\u0001${v.body === undefined ? '\u0002' : Buffer.isBuffer(v.body) ? v.body.toString('latin1') : v.body}`;

/**
 * At least `total` distinct variants, an equal share per kind: kinds with fewer distinct variants than
 * their share (a schema with one field has one "missing required" body) leave their places to the others.
 * The same variants for the same seeds.
 */
export function sampleBodies(
  ctx: BodyContext,
  total: number,
  seedOf: (kind: BodyKind) => number,
  maxPerKind: ReadonlyMap<BodyKind, number> = new Map(),
): BodyVariant[] {
  const share = Math.ceil(total / bodyKinds.length);
  const pools = bodyKinds.map((kind) => {
    const cap = maxPerKind.get(kind) ?? Infinity;
    const seen = new Set<string>();
    const distinct: BodyVariant[] = [];
    for (const v of fc.sample(bodyArbitrary(ctx, kind), { seed: seedOf(kind), numRuns: Math.min(cap, share * 3) })) {
      const id = identity(v);
      if (!seen.has(id)) {
        seen.add(id);
        distinct.push(withAllClaims(ctx, v));
      }
    }
    return distinct.slice(0, cap);
  });
  const taken = pools.map((pool) => Math.min(pool.length, share));
  let count = taken.reduce((a, b) => a + b, 0);
  for (let progress = true; count < total && progress;) {
    progress = false;
    pools.forEach((pool, i) => {
      if (count < total && taken[i]! < pool.length) {
        taken[i]!++;
        count++;
        progress = true;
      }
    });
  }
  return pools.flatMap((pool, i) => pool.slice(0, taken[i]));
}
