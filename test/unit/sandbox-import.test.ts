import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDirectLoginValue, validateLoginParams } from '../../src/domain/auth/direct-login.js';
import {
  checkAgainstExisting,
  checkImportFile,
  directLoginPasswordProblem,
  implicitCounterpartyId,
  importAmount,
  importedAccountViews,
  importPasswordProblem,
  ImportRejected,
  notStrongPassword,
  parseImportDate,
  planImport,
  type ImportLookups,
  type ImportRandom,
  type SandboxImport,
} from '../../src/domain/sandbox-import/index.js';

const endpoints = JSON.parse(readFileSync(new URL('../../spec/endpoints.json', import.meta.url), 'utf8')) as any[];
const example = (): SandboxImport =>
  structuredClone(endpoints.find((e) => e.operation_id === 'OBPv2.1.0-sandboxDataImport').example_request);

function problemOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    if (err instanceof ImportRejected) return err.problem;
    throw err;
  }
}

/** Lookups over an in-memory "store"; IBANs and products as `bank/key`. */
function lookups(existing: { banks?: string[]; users?: string[]; ibans?: string[]; products?: string[] } = {}): ImportLookups {
  const found = <T>(items: readonly T[], keep: (item: T) => boolean | undefined) => Promise.resolve(items.filter((i) => keep(i)));
  return {
    existingBanks: (ids) => found(ids, (id) => existing.banks?.includes(id)),
    existingUsers: (_provider, names) => found(names, (n) => existing.users?.includes(n)),
    existingAccounts: () => Promise.resolve([]),
    existingAccountNumbers: () => Promise.resolve([]),
    existingIbans: (refs) => found(refs, (r) => existing.ibans?.includes(`${r.bankId}/${r.iban}`)),
    existingTransactions: () => Promise.resolve([]),
    existingDocuments: (kind, refs) =>
      found(refs, (r) => kind === 'product' && existing.products?.includes(`${r.bankId}/${r.docId}`)),
  };
}

function counterRandom(): ImportRandom {
  let n = 0;
  return { uuid: () => `uuid-${++n}`, hex: (k) => 'A'.repeat(k) };
}

const options = { provider: 'http://local', allowPublicViews: false, allowAccountFirehose: false };

describe('sandbox import rules', () => {
  it('reads dates strictly as yyyy-MM-ddTHH:mm:ss.SSSZ', () => {
    expect(parseImportDate('2012-03-07T00:00:00.001Z')).toBe(Date.UTC(2012, 2, 7, 0, 0, 0, 1));
    expect(parseImportDate('1100-01-01T01:01:01.000Z')).toBe(Date.parse('1100-01-01T01:01:01.000Z'));
    for (const bad of [
      '2012-03-07T00:00:00Z',
      '2012-03-07T00:00:00.000+0000',
      '2012-02-30T00:00:00.000Z',
      '2012-3-7T00:00:00.000Z',
      ' 2012-03-07T00:00:00.000Z',
    ]) {
      expect(parseImportDate(bad), bad).toBeUndefined();
    }
  });

  it('keeps amounts within a signed 64-bit integer of minor units', () => {
    expect(importAmount('-135.33', 'EUR')).toBe(-13533n);
    expect(importAmount('92233720368547758.07', 'EUR')).toBe(2n ** 63n - 1n);
    expect(importAmount('92233720368547758.08', 'EUR')).toBeUndefined();
    expect(importAmount('1e3', 'EUR')).toBeUndefined();
  });

  it("computes OBP's implicit counterparty id", () => {
    const expected = createHash('sha256').update('bank1account1Acme Inc.').digest('base64url');
    expect(implicitCounterpartyId('bank1', 'account1', 'Acme Inc.')).toBe(expected);
    expect(expected).not.toMatch(/[=+/]/);
    expect(implicitCounterpartyId('bank2', 'account1', 'Acme Inc.')).not.toBe(expected);
  });

  it("accepts OBP's documented example; products and accounts may share keys across banks", () => {
    expect(problemOf(() => checkImportFile(example()))).toBeUndefined();
    const file = example();
    file.products.push({ ...file.products[0]!, bank_id: 'bank2' });
    file.accounts[2]!.number = file.accounts[0]!.number;
    file.accounts.forEach((a) => (a.IBAN = ''));
    expect(problemOf(() => checkImportFile(file))).toBeUndefined();
  });

  it('keeps IBANs unique per bank only', () => {
    const file = example();
    file.accounts[2]!.IBAN = file.accounts[0]!.IBAN; // account1 at bank2
    expect(problemOf(() => checkImportFile(file))).toBeUndefined();
    file.accounts[1]!.IBAN = file.accounts[0]!.IBAN; // account2 at bank1
    expect(problemOf(() => checkImportFile(file))).toBe(
      'duplicate IBAN 1234567890 at bank bank1 (account account2 at bank bank1)',
    );
  });

  it('accepts strong passwords that DirectLogin can carry', () => {
    for (const ok of ['Sh0rt-Pass', 'x'.repeat(17), '~'.repeat(512), "a b'c;d=e\\f{g}h|i`j", 'TESOBE520berlin123!'])
      expect(importPasswordProblem(ok), ok).toBeUndefined();
    expect(importPasswordProblem('')).toBe('password must not be empty');
    expect(importPasswordProblem('x'.repeat(513))).toBe('password is longer than 512 characters');
    // OBP's strong-password rule, as for POST /users: OBP's own example file (6 hex digits) is refused
    for (const weak of ['5232e7', 'x', 'x'.repeat(16), 'Sh0rt-Pas', 'sh0rt-pass', 'SH0RT-PASS', 'Short-Pass', 'Sh0rtPass1']) {
      expect(importPasswordProblem(weak), weak).toBe(notStrongPassword);
    }
    for (const bad of ['a\tb', 'a\u0000b', 'caf\u00e9', '\u{1F511}', `${'x'.repeat(20)}\u00e9`, 'Sneaky-Pass-2026, password=x']) {
      expect(importPasswordProblem(bad), JSON.stringify(bad)).toMatch(
        /^password must be printable ASCII, at most 512 characters, and must not contain ", password="/,
      );
    }
    for (const ok of ['Comma,Pass-2026', 'Quote"Pass-2026', '"Quoted-Pass-2026"', 'Bracket[Pass]-2026']) {
      expect(importPasswordProblem(ok), ok).toBeUndefined();
    }
    const file = example();
    file.users[1]!.password = '5232e7';
    expect(problemOf(() => checkImportFile(file))).toBe(`user User 2: ${notStrongPassword}`);
  });

  it('lets through its DirectLogin check only passwords that reach DirectLogin intact, quoted or not', () => {
    const reachesLogin = (password: string, header: string) => {
      try {
        return validateLoginParams(parseDirectLoginValue(header)).password === password;
      } catch {
        return false;
      }
    };
    for (let code = 0; code < 0x300; code++) {
      const c = String.fromCharCode(code);
      for (const password of [`a${c}b`, c, `${c}ab`, `ab${c}`]) {
        if (directLoginPasswordProblem(password) !== undefined) continue;
        expect(reachesLogin(password, `DirectLogin username="u", password="${password}", consumer_key="k"`), password).toBe(true);
        // unquoted values end at a comma and lose their outer quotes, as in OBP: only plain ones travel that way
        if (password.trim() === password && !/[,"]/.test(password)) {
          expect(reachesLogin(password, `DirectLogin username=u,password=${password},consumer_key=k`), password).toBe(true);
        }
      }
    }
  });

  it('names the first rule the file breaks', () => {
    const file = example();
    file.accounts[1]!.owners = [];
    file.transactions[0]!.details.value = 'x';
    expect(problemOf(() => checkImportFile(file))).toBe('account account2 at bank bank1 has no owner');
  });

  it('checks against stored data: banks, users, IBANs at the same bank, documents at existing banks', async () => {
    const check = async (file: SandboxImport, existing: Parameters<typeof lookups>[0]) => {
      try {
        await checkAgainstExisting(file, lookups(existing), 'http://local');
        return undefined;
      } catch (err) {
        if (err instanceof ImportRejected) return err.problem;
        throw err;
      }
    };
    expect(await check(example(), {})).toBeUndefined();
    expect(await check(example(), { banks: ['bank2'] })).toBe('bank bank2 already exists');
    expect(await check(example(), { users: ['User 2'] })).toBe('user User 2 already exists');
    expect(await check(example(), { ibans: ['bank2/21234567890'] })).toBe(
      'IBAN 21234567890 is already used by another account at bank bank2',
    );
    // the same IBAN at another bank is no collision
    expect(await check(example(), { ibans: ['bank1/21234567890', 'other/1234567890'] })).toBeUndefined();

    const file = example();
    file.products.push({ ...file.products[0]!, bank_id: 'old-bank', code: 'p' });
    expect(await check(file, {})).toBe('product p is for bank old-bank, which is neither imported nor existing');
    expect(await check(file, { banks: ['old-bank'] })).toBeUndefined();
    expect(await check(file, { banks: ['old-bank'], products: ['old-bank/p'] })).toBe(
      'product code p already exists at bank old-bank',
    );
  });
});

describe('sandbox import plan', () => {
  it('shares one placeholder name per counterparty account number across the import', () => {
    const file = example();
    const template = file.transactions[1]!;
    file.transactions = [
      { ...structuredClone(template), id: 't1', counterparty: { account_number: 'N-1' } },
      {
        ...structuredClone(template),
        id: 't2',
        this_account: { id: 'account1', bank: 'bank2' },
        counterparty: { name: '', account_number: 'N-1' },
      },
      { ...structuredClone(template), id: 't3', counterparty: { account_number: 'N-2' } },
      { ...structuredClone(template), id: 't4' },
    ];
    delete file.transactions[3]!.counterparty;
    const plan = planImport(file, options, counterRandom());
    const names = plan.transactions.map((t) => t.counterpartyName);
    // uuid-1 and uuid-2 went to the two users
    expect(names).toEqual(['unknown_uuid-3', 'unknown_uuid-3', 'unknown_uuid-4', 'unknown_uuid-5']);
    expect(plan.transactions[0]!.counterpartyId).toBe(implicitCounterpartyId('bank1', 'account1', 'unknown_uuid-3'));
    expect(plan.transactions[1]!.counterpartyId).toBe(implicitCounterpartyId('bank2', 'account1', 'unknown_uuid-3'));
  });

  it('makes public aliases unique within an account', () => {
    const plan = planImport(example(), options, counterRandom());
    const atAccount1 = plan.counterparties.filter((c) => c.bankId === 'bank1' && c.accountId === 'account1');
    expect(atAccount1.map((c) => c.publicAlias)).toEqual(['ALIAS_AAAAAA', 'ALIAS_AAAAAAA', 'ALIAS_AAAAAAAA', 'ALIAS_AAAAAAAAA']);
    const atOther = plan.counterparties.filter((c) => c.bankId === 'bank2');
    expect(atOther.map((c) => c.publicAlias)).toEqual(['ALIAS_AAAAAA']);
  });

  it('grants the imported-account views to every owner, firehose and _public only when allowed', () => {
    expect(importedAccountViews(false)).not.toContain('firehose');
    expect(importedAccountViews(true)).toContain('firehose');
    const closed = planImport(example(), options, counterRandom());
    expect(closed.customViews).toEqual([]);
    const holdersAtBank2 = closed.holders.filter((h) => h.bankId === 'bank2').map((h) => h.userId);
    expect(holdersAtBank2).toEqual(['uuid-1', 'uuid-2']);
    expect(closed.grants.filter((g) => g.bankId === 'bank2')).toHaveLength(2 * importedAccountViews(false).length);
    const open = planImport(example(), { ...options, allowPublicViews: true, allowAccountFirehose: true }, counterRandom());
    expect(open.customViews.map((v) => `${v.bankId}/${v.accountId}/${v.viewId}`)).toEqual(['bank1/account1/_public']);
    expect(open.grants.some((g) => g.viewId === 'firehose')).toBe(true);
  });
});
