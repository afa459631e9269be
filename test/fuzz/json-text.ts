/**
 * JSON text with the things JSON.stringify cannot write: members in a given order with duplicate or
 * `__proto__` keys, and verbatim fragments (numbers beyond a double, deep nesting built as text).
 */

/** Written verbatim. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** An object written member by member: duplicates and `__proto__` stay as given. */
export class Members {
  constructor(readonly members: readonly (readonly [string, JsonLike])[]) {}
}

export type JsonLike = null | boolean | number | string | RawJson | Members | JsonLike[] | { [key: string]: JsonLike };

export function toJsonText(value: JsonLike): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof Members) {
    return `{${value.members.map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;
  }
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .map((k) => `${JSON.stringify(k)}:${toJsonText(value[k]!)}`)
      .join(',')}}`;
  }
  // JSON.stringify escapes every control character and lone surrogate (\u0000, \ud800)
  return JSON.stringify(value);
}

export type JsonPath = readonly (string | number)[];

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** A copy of `root` with the value at `path` replaced (objects become Members to keep odd keys). */
export function setAt(root: JsonLike, path: JsonPath, value: JsonLike): JsonLike {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = setAt(copy[head as number] ?? null, rest, value);
    return copy;
  }
  if (root instanceof Members) {
    return new Members(root.members.map(([k, v]) => [k, k === head ? setAt(v, rest, value) : v] as const));
  }
  if (root !== null && typeof root === 'object' && !(root instanceof RawJson)) {
    return { ...root, [head as string]: setAt(root[head as string] ?? null, rest, value) };
  }
  return root;
}

export function getAt(root: JsonLike, path: JsonPath): JsonLike | undefined {
  let at: JsonLike | undefined = root;
  for (const key of path) {
    if (Array.isArray(at)) at = at[key as number];
    else if (at instanceof Members) at = at.members.find(([k]) => k === key)?.[1];
    else if (at !== null && typeof at === 'object' && !(at instanceof RawJson)) at = at[key as string];
    else return undefined;
  }
  return at;
}

/** A copy of `root` without the member at `path` (an object member) or element (an array index). */
export function deleteAt(root: JsonLike, path: JsonPath): JsonLike {
  if (path.length === 0) return root;
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1]!;
  const parent = getAt(root, parentPath);
  let replaced: JsonLike;
  if (Array.isArray(parent)) replaced = parent.filter((_, i) => i !== key);
  else if (parent instanceof Members) replaced = new Members(parent.members.filter(([k]) => k !== key));
  else if (parent !== null && typeof parent === 'object' && parent !== undefined && !(parent instanceof RawJson)) {
    const { [key as string]: _gone, ...rest } = parent;
    replaced = rest;
  } else return root;
  return setAt(root, parentPath, replaced);
}

/** Adds members to the object at `path` (after its own), as Members so duplicates are kept. */
export function addMembers(root: JsonLike, path: JsonPath, extra: readonly (readonly [string, JsonLike])[]): JsonLike {
  const target = getAt(root, path);
  let own: (readonly [string, JsonLike])[];
  if (target instanceof Members) own = [...target.members];
  else if (
    target !== null &&
    typeof target === 'object' &&
    !Array.isArray(target) &&
    !(target instanceof RawJson) &&
    target !== undefined
  ) {
    own = Object.keys(target).map((k) => [k, target[k]!] as const);
  } else return root;
  return setAt(root, path, new Members([...own, ...extra]));
}

/** `[[[…1…]]]` or `{"a":{"a":…1…}}` or a mix, `depth` levels deep, as text (no recursion anywhere). */
export function deepText(depth: number, shape: 'array' | 'object' | 'mixed'): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    const asArray = shape === 'array' || (shape === 'mixed' && i % 2 === 0);
    open += asArray ? '[' : '{"a":';
    close = (asArray ? ']' : '}') + close;
  }
  return `${open}1${close}`;
}

/** The deepest nesting of arrays and objects in a JSON text (strings skipped). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return max;
}
