import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseJsonBody, readJsonBody } from '../../src/http/json-body.js';
import { ObpError } from '../../src/errors/obp-error.js';

function refusal(run: () => unknown): string {
  try {
    run();
    return 'accepted';
  } catch (e) {
    return (e as ObpError).message;
  }
}

/** The body delivered in the given pieces, as a socket may split it. */
function read(pieces: (string | Buffer)[], limit = 1_000_000, declared?: number) {
  const stream = Readable.from(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
  return readJsonBody(stream, declared === undefined ? undefined : String(declared), limit);
}

describe('parseJsonBody', () => {
  it('parses ordinary JSON, and nothing as undefined', () => {
    expect(parseJsonBody('{"a": [1, "x", {"b": null}], "c": true}')).toEqual({ a: [1, 'x', { b: null }], c: true });
    expect(parseJsonBody('  \n ')).toBeUndefined();
    expect(parseJsonBody('"just a string"')).toBe('just a string');
  });

  it('counts keys, not strings that look like keys', () => {
    expect(parseJsonBody('{"a": "b:c", "d": ["e", ":"], "f\\"g": {"h": "\\":"}}')).toEqual({
      a: 'b:c',
      d: ['e', ':'],
      'f"g': { h: '":' },
    });
  });

  it('refuses a key given twice, at any depth, also when spelled with escapes', () => {
    const twice = 'OBP-10001: Incorrect json format. A key appears twice in one object.';
    expect(refusal(() => parseJsonBody('{"a": 1, "a": 2}'))).toBe(twice);
    expect(refusal(() => parseJsonBody('{"x": [{"a": 1, "b": 2, "a": 3}]}'))).toBe(twice);
    expect(refusal(() => parseJsonBody('{"a": 1, "\\u0061": 2}'))).toBe(twice);
    // the same key in different objects is fine
    expect(parseJsonBody('[{"a": 1}, {"a": 2}]')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('refuses __proto__ keys, also escaped', () => {
    const proto = 'OBP-10001: Incorrect json format. The key "__proto__" is not allowed.';
    expect(refusal(() => parseJsonBody('{"__proto__": {"admin": true}}'))).toBe(proto);
    expect(refusal(() => parseJsonBody('{"a": {"\\u005f_proto__": 1}}'))).toBe(proto);
    expect(parseJsonBody('{"constructor": {"prototype": 1}}')).toEqual({ constructor: { prototype: 1 } });
  });

  it('refuses control characters and lone surrogates, keeps tab, line breaks and surrogate pairs', () => {
    for (const bad of [
      '"\\b"',
      '"x\\fy"',
      '"\\u0000"',
      '"\\u001f"',
      '"\\u007f"',
      '{"k\\u0001": 1}',
      '"\\ud800"',
      '"\\udc00x"',
      '"x\\ud800\\u0041"',
    ]) {
      expect(
        refusal(() => parseJsonBody(bad)),
        bad,
      ).toMatch(/control characters .* lone surrogates\.$/);
    }
    expect(parseJsonBody('"a\\tb\\nc\\rd \\ud83d\\udcb0 \\u00e9"')).toBe('a\tb\nc\rd \u{1F4B0} é');
    // an escaped backslash before "u0000" is not an escape of NUL
    expect(parseJsonBody('"\\\\u0000"')).toBe('\\u0000');
  });

  it('refuses nesting deeper than 32 without reading on', () => {
    expect(parseJsonBody(`${'['.repeat(32)}${']'.repeat(32)}`)).toBeDefined();
    expect(refusal(() => parseJsonBody(`${'['.repeat(33)}${']'.repeat(33)}`))).toBe(
      'OBP-10001: Incorrect json format. The body is nested deeper than 32 levels.',
    );
    // brackets inside strings do not count
    expect(parseJsonBody(`["${'['.repeat(100)}"]`)).toEqual(['['.repeat(100)]);
    // a megabyte of brackets is refused quickly
    const t0 = performance.now();
    expect(refusal(() => parseJsonBody('['.repeat(1_000_000)))).toMatch(/nested deeper/);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('answers plain OBP-10001 for malformed JSON', () => {
    for (const bad of ['{', '{"a": }', "{'a': 1}", 'undefined', '{"a": 1,}', '\u0000']) {
      expect(
        refusal(() => parseJsonBody(bad)),
        bad,
      ).toBe('OBP-10001: Incorrect json format.');
    }
  });
});

describe('readJsonBody', () => {
  it('reads a body split anywhere, escapes and multi-byte characters included', async () => {
    const text = '{"name": "Zo\\u00eb \\"q\\" 山田 💰", "list": [1, {"k": "v"}]}';
    const bytes = Buffer.from(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await read([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(JSON.parse(text));
    }
  });

  it('finds escapes and keys across piece boundaries', async () => {
    await expect(read(['{"a": "\\', 'u0000"}'])).rejects.toThrow(/control characters/);
    await expect(read(['{"a": 1, "a"', ': 2}'])).rejects.toThrow(/appears twice/);
  });

  it('refuses a declared length over the limit before reading, and a longer body while reading', async () => {
    await expect(read(['{}'], 10, 11)).rejects.toMatchObject({
      status: 413,
      message: 'OBP-10001: Incorrect json format. Request body exceeds 10 bytes.',
    });
    await expect(read(['{"a":', '"12345678"}'], 10)).rejects.toMatchObject({ status: 413 });
    expect(await read(['{"a":', '"1"}'], 10)).toEqual({ a: '1' });
  });

  it('stops at the first piece that nests too deep', async () => {
    let served = 0;
    const stream = new Readable({
      read() {
        served++;
        this.push(Buffer.from('['.repeat(64 * 1024)));
        if (served > 100) this.push(null);
      },
    });
    await expect(readJsonBody(stream, undefined, 1_000_000)).rejects.toThrow(/nested deeper/);
    expect(served).toBeLessThan(5);
  });
});
