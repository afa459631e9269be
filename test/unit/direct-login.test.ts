import { describe, expect, it } from 'vitest';
import {
  directLoginCarries,
  directLoginFromHeaders,
  parseDirectLoginValue,
  validateLoginParams,
} from '../../src/domain/auth/direct-login.js';
import { ObpError } from '../../src/errors/obp-error.js';

describe('DirectLogin header parsing', () => {
  const expected = { username: 'jane', password: 'pw=x', consumer_key: 'key' };
  it.each([
    'username="jane", password="pw=x", consumer_key="key"',
    'username=jane,password=pw=x,consumer_key=key',
    'DirectLogin username="jane",password="pw=x", consumer_key=key',
    '  username = "jane" , password="pw=x" ,consumer_key="key", ignored="1"',
  ])('parses %s', (value) => {
    expect(parseDirectLoginValue(value)).toEqual(expected);
  });

  it.each(['Comma,Pass-2026!x', 'Bracket[Pass-2026]x', 'a"b', 'a",b', 'ends"', '"starts', '""', ' spaced ', 'x=y,z=w', 'a", x'])(
    'a quoted value carries %s unchanged',
    (password) => {
      const parsed = parseDirectLoginValue(`username="u", password="${password}", consumer_key="k"`);
      expect(parsed).toEqual({ username: 'u', password, consumer_key: 'k' });
      expect(directLoginCarries(password)).toBe(true);
    },
  );

  it('reads misplaced quotes as OBP does: username="u, password=p" is two parameters', () => {
    expect(parseDirectLoginValue('username="u, password=p", consumer_key=k')).toEqual({
      username: 'u',
      password: 'p',
      consumer_key: 'k',
    });
  });

  it('cannot carry a value holding a parameter, nor non-printable or over-long passwords', () => {
    for (const password of ['x, password=y', 'x", token=y', 'tab\t', 'é', 'p'.repeat(513)]) {
      expect(directLoginCarries(password), password).toBe(false);
    }
  });

  it('drops empty values and reads tokens quoted or not', () => {
    expect(parseDirectLoginValue('token="abc", username=""')).toEqual({ token: 'abc' });
    expect(parseDirectLoginValue('token=abc')).toEqual({ token: 'abc' });
  });

  it('takes the DirectLogin header first, then Authorization: DirectLogin, ignoring other schemes', () => {
    expect(directLoginFromHeaders({ directlogin: 'token=a', authorization: 'DirectLogin token=b' })).toEqual({ token: 'a' });
    expect(directLoginFromHeaders({ authorization: 'DirectLogin token=b' })).toEqual({ token: 'b' });
    expect(directLoginFromHeaders({ authorization: 'Basic eHh4' })).toBeUndefined();
  });

  it('validates in OBP order with OBP codes', () => {
    const code = (p: Record<string, string>) => {
      try {
        validateLoginParams(p);
        return 'ok';
      } catch (e) {
        return (e as ObpError).message;
      }
    };
    expect(code({ username: 'a' })).toBe('OBP-20002: These DirectLogin parameters are missing:password, consumer_key');
    expect(code({ username: 'a<b', password: 'p', consumer_key: 'k' })).toMatch(/^OBP-20011/);
    expect(code({ username: 'a'.repeat(513), password: 'p', consumer_key: 'k' })).toMatch(/^OBP-20010/);
    expect(code({ username: 'a', password: 'p\u00e9', consumer_key: 'k' })).toMatch(/^OBP-20011/);
    expect(code({ username: 'a', password: 'p', consumer_key: 'k_y' })).toMatch(/^OBP-35030/);
    expect(code({ username: 'jane.doe@x.com', password: 'p w!', consumer_key: 'k-1' })).toBe('ok');
    expect(code({ username: 'a', password: 'with[brackets]', consumer_key: 'k' })).toBe('ok');
  });
});
