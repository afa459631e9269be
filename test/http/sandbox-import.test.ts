import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicViewTemplate, toStoredView, viewsForImportedAccount } from '../../src/domain/views/definitions.js';
import { seedBank, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

type ImportFile = Record<string, any[]>;

const path = '/obp/v2.1.0/sandbox/data-import';
const endpointsJson = JSON.parse(readFileSync(new URL('../../spec/endpoints.json', import.meta.url), 'utf8')) as any[];
const docExample: ImportFile = endpointsJson.find((e) => e.operation_id === 'OBPv2.1.0-sandboxDataImport').example_request;

const failure = (rule: string) => ({ code: 400, message: `Cannot import the sandbox data: ${rule}` });
const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };
const badJson = { code: 400, message: 'OBP-10001: Incorrect json format.' };
const clone = <T>(value: T): T => structuredClone(value);
const sorted = (values: readonly string[]) => [...values].sort();
const notStrong =
  'password is not strong (use 10 to 16 characters with a digit, a lower-case letter, an upper-case letter ' +
  'and a special character, or 17 to 512 characters)';

/** A strong password made from a weak one, so each user keeps a password of their own. */
const strongPassword = (password: string) => `Sandbox-${password}-Pass!`;

/** The file with every user's password made strong, everything else unchanged. */
function withStrongPasswords(file: ImportFile): ImportFile {
  const copy = clone(file);
  for (const u of copy.users!) u.password = strongPassword(u.password);
  return copy;
}

/** OBP's implicit counterparty id, computed here independently of the server. */
function counterpartyId(bankId: string, accountId: string, name: string): string {
  return createHash('sha256')
    .update(bankId + accountId + name)
    .digest('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** OBP's documented example with every key made unique, so many imports can share one server. */
function smallFile(): ImportFile & { tag: string } {
  const tag = randomUUID().slice(0, 8);
  const file = clone(docExample);
  const bank = (id: string) => `${tag}-${id}`;
  const user = (name: string) => `${tag} ${name}`;
  for (const b of file.banks!) b.id = bank(b.id);
  for (const u of file.users!) {
    u.user_name = user(u.user_name);
    u.email = `${tag}.${u.email}`;
  }
  for (const a of file.accounts!) {
    a.bank = bank(a.bank);
    a.IBAN = `${tag}-${a.IBAN}`;
    a.owners = a.owners.map(user);
  }
  for (const t of file.transactions!) t.this_account.bank = bank(t.this_account.bank);
  for (const kind of ['branches', 'atms', 'products', 'crm_events']) for (const d of file[kind]!) d.bank_id = bank(d.bank_id);
  return Object.assign(file, { tag });
}

interface Preexisting {
  banks?: string[];
  users?: string[];
  accounts?: string[];
  documents?: string[];
}

async function expectNothingWritten(server: TestServer, file: ImportFile, pre: Preexisting = {}): Promise<void> {
  const { store, config } = server;
  for (const b of file.banks ?? []) {
    if (!pre.banks?.includes(b.id)) expect(await store.banks.get(b.id), `bank ${b.id}`).toBeUndefined();
  }
  for (const u of file.users ?? []) {
    if (!pre.users?.includes(u.user_name)) {
      expect(await store.users.getByProvider(config.localIdentityProvider, u.user_name), `user ${u.user_name}`).toBeUndefined();
    }
  }
  for (const a of file.accounts ?? []) {
    if (!pre.accounts?.includes(`${a.bank}/${a.id}`)) expect(await store.accounts.get(a.bank, a.id)).toBeUndefined();
  }
  for (const t of file.transactions ?? []) {
    expect(await store.transactions.exists(t.this_account.bank, t.this_account.id, t.id)).toBe(false);
  }
  const kinds = [
    ['branch', 'branches', 'id'],
    ['atm', 'atms', 'id'],
    ['product', 'products', 'code'],
    ['crm_event', 'crm_events', 'id'],
  ] as const;
  for (const [kind, key, idField] of kinds) {
    for (const d of file[key] ?? []) {
      if (!pre.documents?.includes(`${kind}/${d.bank_id}/${d[idField]}`)) {
        expect(await store.documents.exists(kind, d.bank_id, d[idField])).toBe(false);
      }
    }
  }
}

let server: TestServer;
let admin: TestUser;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.user({ roles: ['CanCreateSandbox'] });
});
afterAll(async () => server.stop());

const importFile = (file: unknown, token = admin.token) => server.call('POST', path, { token, body: file });

// Read fresh from disk: apart from the passwords, nothing in OBP's example file is adapted to this server.
const exampleText = readFileSync(new URL('../../spec/sandbox-example-import.json', import.meta.url), 'utf8');
const example: ImportFile = JSON.parse(exampleText);

// Runs before the next block, which imports the same banks.
describe("POST /sandbox/data-import: OBP's example file, unchanged", () => {
  it('is refused, as by OBP: its 6-character passwords are not strong; nothing is written', async () => {
    expect(example.users).toHaveLength(8);
    for (const u of example.users!) expect(u.password).toMatch(/^[0-9a-f]{6}$/);
    const res = await importFile(exampleText);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(failure(`user ${example.users![0].user_name}: ${notStrong}`));
    await expectNothingWritten(server, example);
  });
});

describe("POST /sandbox/data-import: OBP's example file with strong passwords", () => {
  const file = withStrongPasswords(example);
  const bankX = 'psd201-bank-x--uk';
  const bankY = 'psd201-bank-y--uk';
  const accountId = '05237266-b334-4704-a087-5b460a2ecf04';
  const provider = () => server.config.localIdentityProvider;
  const userNamed = async (name: string) => (await server.store.users.getByProvider(provider(), name))!;
  /** The file's decimals all have two places: "-114.55" is -11455 pence. */
  const pence = (amount: string): bigint => {
    expect(amount).toMatch(/^-?\d+\.\d{2}$/);
    return BigInt(amount.replace('.', ''));
  };

  let response: Awaited<ReturnType<typeof importFile>>;
  beforeAll(async () => {
    response = await importFile(file);
  });

  it('still has what used to be refused: one IBAN and one account id at both banks', () => {
    expect(file.accounts!.map((a) => a.bank)).toEqual([bankX, bankY]);
    expect(file.accounts![0].IBAN).toBe(file.accounts![1].IBAN);
    expect(file.accounts![0].id).toBe(file.accounts![1].id);
  });

  it('answers 201 Success', () => {
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ success: 'Success' });
  });

  it('creates both banks, readable with GET /banks/BANK_ID', async () => {
    for (const [bankId, letter] of [
      [bankX, 'X'],
      [bankY, 'Y'],
    ] as const) {
      const res = await server.call('GET', `/obp/v2.1.0/banks/${bankId}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: bankId,
        short_name: `Bank ${letter}`,
        full_name: `The Bank of ${letter}`,
        logo: `https://static.openbankproject.com/images/sandbox/bank_${letter.toLowerCase()}.png`,
        website: 'https://www.example.com',
        bank_routing: { scheme: null, address: null },
      });
    }
  });

  it('creates the 8 users, validated, each logging in with the password from the file', async () => {
    for (const u of file.users!) {
      expect(await userNamed(u.user_name)).toMatchObject({
        username: u.user_name,
        providerId: u.user_name,
        provider: provider(),
        email: u.email,
        firstName: u.user_name,
        lastName: u.user_name,
        validated: true,
        locked: false,
      });
      expect(await server.login(u.user_name, u.password)).toMatch(/.+/);
    }
    // the passwords are really checked: another user's password does not open the account
    await expect(server.login('robert.xuk.x@example.com', strongPassword('43ca4d'))).rejects.toThrow(/login failed: 401/);
    // nor does the weak password of the unchanged file
    await expect(server.login('robert.xuk.x@example.com', example.users![0].password)).rejects.toThrow(/login failed: 401/);
  });

  it('creates both accounts exactly as in the file, each held by its owner with the imported-account views', async () => {
    for (const a of file.accounts!) {
      expect(a.owners).toHaveLength(1);
      const owner = await userNamed(a.owners[0]);
      expect(await server.store.accounts.get(a.bank, accountId)).toEqual({
        bankId: a.bank,
        accountId,
        number: '13759969699',
        kind: 'CURRENT PLUS',
        label: a.bank === bankX ? 'Robert XUk X - M35 ..699' : 'Robert YUk Y - M35 ..699',
        currency: 'GBP',
        balance: 808432n,
        holderName: a.owners[0],
        iban: 'BA12 1234 5123 4513 7599 6969 977',
        swiftBic: '',
        routingScheme: '',
        routingAddress: '',
      });
      expect(await server.store.accounts.holders(a.bank, accountId)).toEqual([owner.userId]);
      expect(sorted(await server.store.access.viewsOf(owner.userId, a.bank, accountId))).toEqual(sorted(viewsForImportedAccount));
      // generate_public_view is false for both
      expect(await server.store.access.customViews(a.bank, accountId)).toEqual([]);
    }
    expect((await userNamed('robert.xuk.x@example.com')).userId).not.toBe((await userNamed('robert.yuk.y@example.com')).userId);
    // nobody else got access: not the other six users, not the other bank's owner
    const owners = new Set(file.accounts!.map((a) => `${a.bank}/${a.owners[0]}`));
    for (const u of file.users!) {
      const { userId } = await userNamed(u.user_name);
      for (const bankId of [bankX, bankY]) {
        if (!owners.has(`${bankId}/${u.user_name}`)) {
          expect(await server.store.access.viewsOf(userId, bankId, accountId), `${u.user_name} at ${bankId}`).toEqual([]);
        }
      }
    }
  });

  it('stores all 106 transactions verbatim: exact amounts and new balances in pence, dates, counterparties', async () => {
    expect(file.transactions).toHaveLength(106);
    const stored = [
      ...(await server.store.transactions.forAccount(bankX, accountId)),
      ...(await server.store.transactions.forAccount(bankY, accountId)),
    ];
    expect(stored).toHaveLength(106);
    const byKey = new Map(stored.map((t) => [`${t.bankId}/${t.transactionId}`, t]));
    for (const t of file.transactions!) {
      const bankId = t.this_account.bank;
      const name = t.counterparty.name as string;
      expect(name).not.toBe('');
      expect(byKey.get(`${bankId}/${t.id}`), t.id).toEqual({
        bankId,
        accountId,
        transactionId: t.id,
        kind: t.details.type,
        description: t.details.description,
        currency: 'GBP',
        amount: pence(t.details.value),
        newBalance: pence(t.details.new_balance),
        postedAt: Date.parse(t.details.posted),
        completedAt: Date.parse(t.details.completed),
        counterpartyId: counterpartyId(bankId, accountId, name),
        counterpartyName: name,
        counterpartyAccountNumber: '',
        counterpartyIban: '',
        counterpartyBankName: '',
        counterpartyKind: '',
      });
    }
    // one row spelled out, so the loop above cannot pass by computing both sides wrongly
    expect(byKey.get(`${bankX}/b52a3465-d484-4b9a-97da-308188af7c6a`)).toMatchObject({
      description: 'Gas/Elec',
      amount: -11455n,
      newBalance: 451929n,
      postedAt: Date.UTC(2015, 6, 1),
      completedAt: Date.UTC(2015, 6, 1),
      counterpartyName: 'British Gas',
    });
    // the account balance is the file's, not recomputed from the transactions
    expect((await server.store.accounts.get(bankY, accountId))?.balance).toBe(808432n);
  });

  it('creates one counterparty metadata row per counterparty and account, with a non-empty unique public alias', async () => {
    for (const bankId of [bankX, bankY]) {
      const names = new Set(file.transactions!.filter((t) => t.this_account.bank === bankId).map((t) => t.counterparty.name));
      const metadata = await server.store.transactions.counterpartyMetadata(bankId, accountId);
      expect(metadata).toHaveLength(names.size);
      expect(new Set(metadata.map((m) => m.counterparty_name))).toEqual(names);
      for (const m of metadata) {
        expect(m.counterparty_id).toBe(counterpartyId(bankId, accountId, m.counterparty_name));
        expect(m.public_alias).toMatch(/^ALIAS_[0-9A-F]{6,}$/);
      }
      expect(new Set(metadata.map((m) => m.public_alias)).size).toBe(metadata.length);
    }
  });

  it('stores every branch, ATM, product and CRM event as given, under its bank', async () => {
    const kinds = [
      ['branch', 'branches', 'id'],
      ['atm', 'atms', 'id'],
      ['product', 'products', 'code'],
      ['crm_event', 'crm_events', 'id'],
    ] as const;
    let total = 0;
    for (const [kind, key, idField] of kinds) {
      for (const bankId of [bankX, bankY]) {
        const expected = file[key]!.filter((d) => d.bank_id === bankId);
        const stored = await server.store.documents.list(kind, bankId);
        expect(sorted(stored.map((d) => d.docId)), `${kind} at ${bankId}`).toEqual(sorted(expected.map((d) => d[idField])));
        for (const d of expected) expect(stored.find((s) => s.docId === d[idField])?.document).toEqual(d);
        total += stored.length;
      }
    }
    expect(total).toBe(3 + 3 + 20 + 2);
  });

  it('refuses the same file a second time, as its banks now exist', async () => {
    const again = await importFile(file);
    expect(again.status).toBe(400);
    expect(again.body).toEqual(failure(`bank ${bankX} already exists`));
    expect(await server.store.transactions.forAccount(bankX, accountId)).toHaveLength(53);
  });
});

describe('POST /sandbox/data-import: effects', () => {
  it("imports OBP's documented example: amounts in minor units, placeholders for missing names, no public view when not allowed", async () => {
    const file = smallFile();
    file.accounts![0].balance.currency = 'eur';
    const res = await importFile(file);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ success: 'Success' });
    const [bank1, bank2] = [`${file.tag}-bank1`, `${file.tag}-bank2`];

    expect((await server.store.accounts.get(bank1, 'account1'))?.currency).toBe('EUR');
    expect((await server.store.accounts.get(bank1, 'account1'))?.balance).toBe(100000n);
    // account1@bank2 has two owners: both hold it, the first names it
    const user1 = (await server.store.users.getByProvider(server.config.localIdentityProvider, `${file.tag} User 1`))!;
    const user2 = (await server.store.users.getByProvider(server.config.localIdentityProvider, `${file.tag} User 2`))!;
    expect(sorted(await server.store.accounts.holders(bank2, 'account1'))).toEqual(sorted([user1.userId, user2.userId]));
    expect((await server.store.accounts.get(bank2, 'account1'))?.holderName).toBe(`${file.tag} User 1`);
    expect(sorted(await server.store.access.viewsOf(user2.userId, bank2, 'account1'))).toEqual(sorted(viewsForImportedAccount));
    expect(await server.store.access.viewsOf(user2.userId, bank1, 'account1')).toEqual([]);
    // generate_public_view is true for account1@bank1, but public views are off on this instance
    expect(await server.store.access.customView(bank1, 'account1', '_public')).toBeUndefined();
    expect(await server.store.access.viewsOf(user1.userId, bank1, 'account1')).not.toContain('firehose');

    // the same transaction id in two different accounts is two transactions
    const atBank1 = await server.store.transactions.forAccount(bank1, 'account1');
    const atBank2 = await server.store.transactions.forAccount(bank2, 'account1');
    expect(atBank1.map((t) => t.transactionId).sort()).toEqual([
      'blankCounterpartAccountNumberTransaction',
      'blankCounterpartNameTransaction',
      'transaction-with-counterparty',
      'transaction-without-counterparty',
    ]);
    expect(atBank2.map((t) => t.transactionId)).toEqual(['transaction-without-counterparty']);
    for (const t of [...atBank1, ...atBank2]) {
      expect(t.amount).toBe(-13533n);
      expect(t.newBalance).toBe(124400n);
      expect(t.currency).toBe('EUR');
      expect(t.postedAt).toBe(Date.parse('2012-03-07T00:00:00.001Z'));
      expect(t.completedAt).toBe(Date.parse('2012-04-07T00:00:00.001Z'));
      expect(t.counterpartyId).toBe(counterpartyId(t.bankId, t.accountId, t.counterpartyName));
    }
    const byId = new Map(atBank1.map((t) => [t.transactionId, t]));
    expect(byId.get('transaction-with-counterparty')).toMatchObject({
      counterpartyName: 'Acme Inc.',
      counterpartyAccountNumber: '12345-B',
    });
    expect(byId.get('blankCounterpartAccountNumberTransaction')).toMatchObject({
      counterpartyName: 'Piano Repair',
      counterpartyAccountNumber: '',
    });
    const unnamed = byId.get('blankCounterpartNameTransaction')!;
    expect(unnamed.counterpartyName).toMatch(/^unknown_[0-9a-f-]{36}$/);
    expect(unnamed.counterpartyAccountNumber).toBe('123456-AVB');
    const noCounterparty = byId.get('transaction-without-counterparty')!;
    expect(noCounterparty.counterpartyName).toMatch(/^unknown_[0-9a-f-]{36}$/);
    expect(noCounterparty.counterpartyName).not.toBe(unnamed.counterpartyName);
    expect(atBank2[0]!.counterpartyName).toMatch(/^unknown_/);

    const metadata = await server.store.transactions.counterpartyMetadata(bank1, 'account1');
    expect(metadata.map((m) => m.counterparty_id).sort()).toEqual([...new Set(atBank1.map((t) => t.counterpartyId))].sort());
    expect(await server.store.transactions.counterpartyMetadata(bank1, 'account2')).toEqual([]);

    expect(sorted((await server.store.documents.list('product', bank1)).map((d) => d.docId))).toEqual(['prd1', 'prd2']);
    expect(sorted((await server.store.documents.list('crm_event', bank1)).map((d) => d.docId))).toEqual([
      'ASDFHJ47YKJH',
      'KIFJA76876AS',
    ]);
    expect((await server.store.documents.list('branch', bank1)).find((d) => d.docId === 'branch1')?.document).toEqual(
      file.branches![0],
    );
  });

  it('reuses one placeholder name (one counterparty) for unnamed counterparties with the same account number', async () => {
    const file = smallFile();
    const template = file.transactions![1]; // blankCounterpartNameTransaction at account1@bank1
    file.transactions = [
      { ...clone(template), id: 'a', counterparty: { account_number: 'SAME-1' } },
      { ...clone(template), id: 'b', counterparty: { name: '', account_number: 'SAME-1' } },
      { ...clone(template), id: 'c', counterparty: { name: null, account_number: 'OTHER-2' } },
      { ...clone(template), id: 'd', counterparty: null },
      { ...clone(template), id: 'e', counterparty: {} },
    ];
    const res = await importFile(file);
    expect(res.status).toBe(201);
    const bank1 = `${file.tag}-bank1`;
    const rows = new Map((await server.store.transactions.forAccount(bank1, 'account1')).map((t) => [t.transactionId, t]));
    expect(rows.get('a')!.counterpartyName).toMatch(/^unknown_/);
    expect(rows.get('b')!.counterpartyName).toBe(rows.get('a')!.counterpartyName);
    expect(rows.get('b')!.counterpartyId).toBe(rows.get('a')!.counterpartyId);
    const names = new Set(['a', 'c', 'd', 'e'].map((id) => rows.get(id)!.counterpartyName));
    expect(names.size).toBe(4);
    const metadata = await server.store.transactions.counterpartyMetadata(bank1, 'account1');
    expect(metadata).toHaveLength(4);
  });

  it('accepts one IBAN at two banks, in the file and already used by an account at another bank', async () => {
    const file = smallFile();
    const iban = file.accounts![0].IBAN;
    file.accounts![2].IBAN = iban; // account1 at bank2
    const other = await seedBank(server);
    await server.store.accounts.insert({
      bankId: other,
      accountId: 'existing',
      number: '1',
      kind: '',
      label: '',
      currency: 'EUR',
      balance: 0n,
      holderName: '',
      iban,
      swiftBic: '',
      routingScheme: '',
      routingAddress: '',
    });
    const res = await importFile(file);
    expect(res.status).toBe(201);
    expect((await server.store.accounts.get(`${file.tag}-bank1`, 'account1'))?.iban).toBe(iban);
    expect((await server.store.accounts.get(`${file.tag}-bank2`, 'account1'))?.iban).toBe(iban);
    expect((await server.store.accounts.get(other, 'existing'))?.iban).toBe(iban);
  });

  it('accepts any strong password DirectLogin can carry, up to 512 characters, and the users log in with it', async () => {
    const file = smallFile();
    const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    const passwords = [
      'Sh0rt-Pass',
      'x'.repeat(17),
      '~'.repeat(512),
      printable,
      "' OR 1=1; -- DROP TABLE users",
      'Comma,Pass-2026!x',
      'Bracket[Pass-2026]x',
      'Quote"Pass-2026", x',
    ];
    file.users = passwords.map((password, i) => ({
      email: `p${i}.${file.tag}@example.com`,
      password,
      user_name: `${file.tag} p${i}`,
    }));
    for (const a of file.accounts!) a.owners = [`${file.tag} p0`];
    const res = await importFile(file);
    expect(res.status).toBe(201);
    for (const u of file.users) expect(await server.login(u.user_name, u.password), u.password).toMatch(/.+/);
    await expect(server.login(`${file.tag} p0`, 'y')).rejects.toThrow(/login failed: 401/);
  });

  it('accepts empty arrays, hostile-looking text stored verbatim and unicode', async () => {
    const empty = { banks: [], users: [], accounts: [], transactions: [], branches: [], atms: [], products: [], crm_events: [] };
    const none = await importFile(empty);
    expect(none.status).toBe(201);
    expect(none.body).toEqual({ success: 'Success' });

    const file = smallFile();
    file.banks![0].full_name = "<script>alert(1)</script>'; DROP TABLE banks; --";
    file.banks![0].short_name = 'Bänk 東京 🏦';
    file.accounts![0].label = "'; DROP TABLE accounts; --";
    const res = await importFile(file);
    expect(res.status).toBe(201);
    const bank = await server.call('GET', `/obp/v2.1.0/banks/${file.tag}-bank1`);
    expect(bank.body.full_name).toBe("<script>alert(1)</script>'; DROP TABLE banks; --");
    expect(bank.body.short_name).toBe('Bänk 東京 🏦');
    expect((await server.store.accounts.get(`${file.tag}-bank1`, 'account1'))?.label).toBe("'; DROP TABLE accounts; --");
  });

  it('writes nothing when the second half of the file collides with existing data', async () => {
    const existingBank = await seedBank(server);
    await server.store.documents.insertMany('product', [{ bankId: existingBank, docId: 'taken', document: {} }]);
    const file = smallFile();
    file.products!.push({ ...clone(file.products![0]), bank_id: existingBank, code: 'taken' });
    const res = await importFile(file);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(failure(`product code taken already exists at bank ${existingBank}`));
    await expectNothingWritten(server, file, { documents: [`product/${existingBank}/taken`] });
  });

  it('lets exactly one of two identical concurrent imports through', async () => {
    const file = smallFile();
    const results = await Promise.all([importFile(file), importFile(file)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
    const rejected = results.find((r) => r.status === 400)!;
    expect(rejected.body.message).toMatch(/^Cannot import the sandbox data: /);
    expect(await server.store.accounts.holders(`${file.tag}-bank2`, 'account1')).toHaveLength(2);
    expect(await server.store.transactions.forAccount(`${file.tag}-bank1`, 'account1')).toHaveLength(4);
  });
});

describe('POST /sandbox/data-import: instance settings', () => {
  let open: TestServer;
  let openAdmin: TestUser;
  beforeAll(async () => {
    open = await startTestServer({
      OBP_ALLOW_PUBLIC_VIEWS: 'true',
      OBP_ALLOW_ACCOUNT_FIREHOSE: 'true',
      OBP_BODY_LIMIT_BYTES: String(16 * 1024 * 1024),
    });
    openAdmin = await open.user({ roles: ['CanCreateSandbox'] });
  });
  afterAll(async () => open.stop());

  it('creates the _public view only where requested when public views are allowed, and grants firehose', async () => {
    const file = smallFile();
    const res = await open.call('POST', path, { token: openAdmin.token, body: file });
    expect(res.status).toBe(201);
    const [bank1, bank2] = [`${file.tag}-bank1`, `${file.tag}-bank2`];
    const stored = await open.store.access.customView(bank1, 'account1', '_public');
    expect(stored).toBeDefined();
    expect(JSON.parse(stored!)).toEqual(toStoredView(publicViewTemplate));
    expect(await open.store.access.customViews(bank1, 'account2')).toEqual([]);
    expect(await open.store.access.customViews(bank2, 'account1')).toEqual([]);

    const user1 = (await open.store.users.getByProvider(open.config.localIdentityProvider, `${file.tag} User 1`))!;
    const views = await open.store.access.viewsOf(user1.userId, bank1, 'account1');
    expect(sorted(views)).toEqual(sorted(['firehose', ...viewsForImportedAccount]));
    expect(views).not.toContain('_public');
  });

  it('rejects more than 100000 rows in an array', async () => {
    const file = {
      banks: [],
      users: [],
      accounts: [],
      transactions: [],
      branches: [],
      atms: [],
      products: [],
      crm_events: [],
    } as ImportFile;
    file.banks = Array.from({ length: 100_001 }, (_, i) => ({
      id: `b${i}`,
      short_name: '',
      full_name: '',
      logo: '',
      website: '',
    }));
    const before = await open.store.banks.count();
    const res = await open.call('POST', path, { token: openAdmin.token, body: file });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(failure('too many banks: 100001 (at most 100000 per import)'));
    expect(await open.store.banks.count()).toBe(before);
    expect(await open.store.banks.get('b0')).toBeUndefined();
  });

  it('is refused with 403 OBP-00002 when the import is disabled, before the role check', async () => {
    const disabled = await startTestServer({ OBP_ALLOW_SANDBOX_DATA_IMPORT: 'false' });
    try {
      const withRole = await disabled.user({ roles: ['CanCreateSandbox'] });
      const withoutRole = await disabled.user();
      const file = smallFile();
      for (const token of [withRole.token, withoutRole.token]) {
        const res = await disabled.call('POST', path, { token, body: file });
        expect(res.status).toBe(403);
        expect(res.body).toEqual({ code: 403, message: 'OBP-00002: Data import is disabled for this API instance.' });
      }
      // the body is parsed before the setting is consulted
      const malformed = await disabled.call('POST', path, { token: withRole.token, body: '{"banks": [' });
      expect(malformed.body).toEqual(badJson);
      await expectNothingWritten(disabled, file);
    } finally {
      await disabled.stop();
    }
  });
});

describe('POST /sandbox/data-import: authentication, roles and body format', () => {
  it('refuses a file nested deeper than 32 levels in the body parser: 400 OBP-10001, nothing written', async () => {
    const file = smallFile();
    let deep: unknown = 'bottom';
    for (let i = 0; i < 40; i++) deep = [deep];
    file.products![0].extra = deep;
    const res = await importFile(file);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 400,
      message: 'OBP-10001: Incorrect json format. The body is nested deeper than 32 levels.',
    });
    await expectNothingWritten(server, file);
  });

  it('answers 401 without login, before validating the body', async () => {
    const file = smallFile();
    for (const body of [file, { banks: 'not an array' }]) {
      const res = await server.call('POST', path, { body });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(notLoggedIn);
    }
    await expectNothingWritten(server, file);
    // as in OBP, a body that is not JSON at all is refused before routing, logged in or not
    const unparsable = await server.call('POST', path, { body: '{not json' });
    expect(unparsable.status).toBe(400);
    expect(unparsable.body).toEqual(badJson);
  });

  it('answers 403 without CanCreateSandbox (a bank-level entitlement does not count)', async () => {
    const bankId = await seedBank(server);
    for (const caller of [await server.user(), await server.user({ roles: [['CanCreateBranch', bankId]] })]) {
      const file = smallFile();
      const res = await importFile(file, caller.token);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ code: 403, message: 'OBP-20006: User is missing one or more roles: CanCreateSandbox' });
      await expectNothingWritten(server, file);
    }
    // the role is checked before the file's rules
    const broken = smallFile();
    broken.banks![1].id = broken.banks![0].id;
    const res = await importFile(broken, (await server.user()).token);
    expect(res.status).toBe(403);
  });

  it('answers 400 OBP-10001 for malformed JSON, a missing array or a wrong type', async () => {
    const bodies: unknown[] = ['{"banks": [', 'not json at all', '[]', '"text"', 'null', ''];
    for (const key of ['banks', 'users', 'accounts', 'transactions', 'branches', 'atms', 'products', 'crm_events']) {
      const file = smallFile();
      delete file[key];
      bodies.push(file);
    }
    const wrongTypes: ((f: ImportFile) => void)[] = [
      (f) => (f.banks = 'bank1' as any),
      (f) => (f.accounts![0].balance.amount = 1000),
      (f) => (f.accounts![0].owners = 'User 1'),
      (f) => (f.accounts![0].generate_public_view = 'yes'),
      (f) => delete f.users![0].password,
      (f) => delete f.transactions![0].details.posted,
      (f) => (f.branches![0].location.latitude = '52.5'),
      (f) => delete f.crm_events![0].customer,
      (f) => (f.transactions![0].counterparty = { name: 42 }),
    ];
    for (const mutate of wrongTypes) {
      const file = smallFile();
      mutate(file);
      bodies.push(file);
    }
    for (const body of bodies) {
      const res = await importFile(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body).toEqual(badJson);
      if (typeof body === 'object' && body !== null && !Array.isArray(body))
        await expectNothingWritten(server, body as ImportFile);
    }
  });
});

interface RuleCase {
  rule: string;
  /** edits the file (and may seed conflicting data); returns the expected text after the prefix */
  arrange: (
    file: ImportFile & { tag: string },
  ) => Promise<{ message: string; pre?: Preexisting }> | { message: string; pre?: Preexisting };
}

const account0 = (f: ImportFile & { tag: string }) => `account account1 at bank ${f.tag}-bank1`;
const notCarried =
  'password must be printable ASCII, at most 512 characters, and must not contain ", password=" ' +
  '(or another DirectLogin parameter name): a DirectLogin header could not carry it, so the user could not log in';

const ruleCases: RuleCase[] = [
  {
    rule: 'bank id non-empty',
    arrange: (f) => {
      f.banks![1].id = '';
      return { message: 'bank id must not be empty' };
    },
  },
  {
    rule: 'bank id usable in paths',
    arrange: (f) => {
      f.banks![1].id = '<script>alert(1)</script>';
      return {
        message: 'invalid bank id <script>alert(1)</script>: use letters, digits, "-", "_" or "." (at most 255 characters)',
      };
    },
  },
  {
    rule: 'bank id unique in the file',
    arrange: (f) => {
      f.banks![1].id = f.banks![0].id;
      f.accounts = f.accounts!.filter((a) => a.bank === f.banks![0].id);
      f.transactions = f.transactions!.filter((t) => t.this_account.bank === f.banks![0].id);
      return { message: `duplicate bank id ${f.tag}-bank1` };
    },
  },
  {
    rule: 'bank not existing',
    arrange: async (f) => {
      await seedBank(server, `${f.tag}-bank2`);
      return { message: `bank ${f.tag}-bank2 already exists`, pre: { banks: [`${f.tag}-bank2`] } };
    },
  },
  {
    rule: 'user_name non-empty',
    arrange: (f) => {
      f.users![0].user_name = '';
      return { message: 'user_name must not be empty' };
    },
  },
  {
    rule: 'user_name unique in the file',
    arrange: (f) => {
      f.users![1].user_name = f.users![0].user_name;
      return { message: `duplicate user_name ${f.tag} User 1` };
    },
  },
  {
    rule: 'user_name not an existing local user',
    arrange: async (f) => {
      await server.user({ username: `${f.tag} User 2` });
      return { message: `user ${f.tag} User 2 already exists`, pre: { users: [`${f.tag} User 2`] } };
    },
  },
  {
    rule: 'password non-empty',
    arrange: (f) => {
      f.users![1].password = '';
      return { message: `user ${f.tag} User 2: password must not be empty` };
    },
  },
  {
    rule: 'password at most 512 characters',
    arrange: (f) => {
      f.users![1].password = 'p'.repeat(513);
      return { message: `user ${f.tag} User 2: password is longer than 512 characters` };
    },
  },
  ...(
    [
      ['a tab', 'pass\tword'],
      ['a newline', 'pass\nword'],
      ['DEL', 'pass\x7Fword'],
      ['non-ASCII', 'pässwörd'],
      ['an emoji', 'pass🔑'],
    ] as const
  ).map(([what, password]): RuleCase => ({
    rule: `password printable ASCII as DirectLogin carries (${what})`,
    arrange: (f) => {
      f.users![1].password = password;
      return { message: `user ${f.tag} User 2: ${notCarried}` };
    },
  })),
  ...(
    [
      ['a DirectLogin parameter after a comma', 'Sneaky-Pass-2026, password=x'],
      ['a quote closing early', 'Tricky-Pass-2026", token=abc'],
    ] as const
  ).map(([what, password]): RuleCase => ({
    rule: `password a DirectLogin header can carry (${what})`,
    arrange: (f) => {
      f.users![1].password = password;
      return { message: `user ${f.tag} User 2: ${notCarried}` };
    },
  })),
  ...(
    [
      ["6 hex digits, as in OBP's example", '5232e7'],
      ['9 characters', 'Sh0rt-Pa$'],
      ['16 characters without a digit', 'Sixteen-Letters!'],
      ['no upper-case letter', 'sh0rt-pass'],
      ['no special character', 'Sh0rtPass1'],
    ] as const
  ).map(([what, password]): RuleCase => ({
    rule: `password strong (${what})`,
    arrange: (f) => {
      f.users![1].password = password;
      return { message: `user ${f.tag} User 2: ${notStrong}` };
    },
  })),
  {
    rule: 'email valid',
    arrange: (f) => {
      f.users![1].email = 'not-an-email';
      return { message: `user ${f.tag} User 2: invalid email not-an-email` };
    },
  },
  {
    rule: 'account bank among the imported banks',
    arrange: async (f) => {
      const other = await seedBank(server);
      f.accounts![1].bank = other;
      f.transactions = f.transactions!.filter((t) => t.this_account.bank !== other);
      return {
        message: `account account2 at bank ${other}: bank ${other} is not among the imported banks`,
        pre: { banks: [other] },
      };
    },
  },
  {
    rule: 'account id non-empty',
    arrange: (f) => {
      f.accounts![1].id = '';
      return { message: `account id must not be empty (bank ${f.tag}-bank1)` };
    },
  },
  {
    rule: '(bank, account id) unique',
    arrange: (f) => {
      f.accounts![1].id = 'account1';
      return { message: `duplicate account id account1 at bank ${f.tag}-bank1` };
    },
  },
  {
    rule: '(bank, account number) unique',
    arrange: (f) => {
      f.accounts![1].number = f.accounts![0].number;
      return { message: `duplicate account number 1 at bank ${f.tag}-bank1` };
    },
  },
  {
    rule: 'account not existing',
    arrange: async (f) => {
      // Only possible for an account whose bank row is missing: the bank itself must be new.
      await server.store.accounts.insert({
        bankId: `${f.tag}-bank2`,
        accountId: 'account1',
        number: 'x',
        kind: '',
        label: '',
        currency: 'EUR',
        balance: 0n,
        holderName: '',
        iban: '',
        swiftBic: '',
        routingScheme: '',
        routingAddress: '',
      });
      return {
        message: `account account1 at bank ${f.tag}-bank2 already exists`,
        pre: { accounts: [`${f.tag}-bank2/account1`] },
      };
    },
  },
  {
    rule: 'IBAN unique among the accounts of one bank in the file',
    arrange: (f) => {
      f.accounts![1].IBAN = f.accounts![0].IBAN;
      return {
        message: `duplicate IBAN ${f.tag}-1234567890 at bank ${f.tag}-bank1 (account account2 at bank ${f.tag}-bank1)`,
      };
    },
  },
  {
    rule: 'IBAN not used by an existing account at the same bank',
    arrange: async (f) => {
      // Only possible when the bank row is missing: an imported bank must be new.
      await server.store.accounts.insert({
        bankId: `${f.tag}-bank1`,
        accountId: 'existing',
        number: 'existing-1',
        kind: '',
        label: '',
        currency: 'EUR',
        balance: 0n,
        holderName: '',
        iban: f.accounts![1].IBAN,
        swiftBic: '',
        routingScheme: '',
        routingAddress: '',
      });
      return { message: `IBAN ${f.tag}-91234567890 is already used by another account at bank ${f.tag}-bank1` };
    },
  },
  {
    rule: 'at least one owner',
    arrange: (f) => {
      f.accounts![0].owners = [];
      return { message: `${account0(f)} has no owner` };
    },
  },
  {
    rule: 'every owner an imported user',
    arrange: (f) => {
      f.accounts![0].owners = [`${f.tag} User 1`, 'somebody else'];
      return { message: `owner somebody else of ${account0(f)} is not among the imported users` };
    },
  },
  {
    rule: 'currency ISO 4217',
    arrange: (f) => {
      f.accounts![0].balance.currency = 'EURO';
      return { message: `${account0(f)}: invalid currency EURO` };
    },
  },
  {
    rule: 'balance decimal',
    arrange: (f) => {
      f.accounts![0].balance.amount = '1,000.00';
      return { message: `${account0(f)}: invalid balance amount 1,000.00` };
    },
  },
  {
    rule: 'balance fits in 64 bits',
    arrange: (f) => {
      f.accounts![0].balance.amount = '92233720368547758.08';
      return { message: `${account0(f)}: invalid balance amount 92233720368547758.08` };
    },
  },
  {
    rule: 'transaction account among the imported accounts',
    arrange: (f) => {
      f.transactions![2].this_account.id = 'account9';
      return {
        message: `transaction blankCounterpartAccountNumberTransaction: account account9 at bank ${f.tag}-bank1 is not among the imported accounts`,
      };
    },
  },
  {
    rule: 'transaction id non-empty',
    arrange: (f) => {
      f.transactions![2].id = '';
      return { message: `transaction id must not be empty (${account0(f)})` };
    },
  },
  {
    rule: '(bank, account, transaction id) unique',
    arrange: (f) => {
      f.transactions![2].id = 'transaction-with-counterparty';
      return { message: `duplicate transaction id transaction-with-counterparty for ${account0(f)}` };
    },
  },
  {
    rule: 'transaction value decimal',
    arrange: (f) => {
      f.transactions![3].details.value = '-135.33 EUR';
      return { message: 'transaction transaction-with-counterparty: invalid value -135.33 EUR' };
    },
  },
  {
    rule: 'transaction new_balance decimal',
    arrange: (f) => {
      f.transactions![3].details.new_balance = '1e3';
      return { message: 'transaction transaction-with-counterparty: invalid new_balance 1e3' };
    },
  },
  {
    rule: 'posted date with milliseconds',
    arrange: (f) => {
      f.transactions![3].details.posted = '2012-03-07T00:00:00Z';
      return {
        message:
          'transaction transaction-with-counterparty: invalid posted date 2012-03-07T00:00:00Z (expected yyyy-MM-ddTHH:mm:ss.SSSZ)',
      };
    },
  },
  {
    rule: 'completed date a real day',
    arrange: (f) => {
      f.transactions![3].details.completed = '2012-02-30T00:00:00.000Z';
      return {
        message:
          'transaction transaction-with-counterparty: invalid completed date 2012-02-30T00:00:00.000Z (expected yyyy-MM-ddTHH:mm:ss.SSSZ)',
      };
    },
  },
  {
    rule: 'product code non-empty',
    arrange: (f) => {
      f.products![1].code = '';
      return { message: `product code must not be empty (bank ${f.tag}-bank1)` };
    },
  },
  {
    rule: 'product code unique at its bank',
    arrange: (f) => {
      f.products![1].code = 'prd1';
      return { message: `duplicate product code prd1 at bank ${f.tag}-bank1` };
    },
  },
  {
    rule: 'product not existing at its bank',
    arrange: async (f) => {
      const other = await seedBank(server);
      await server.store.documents.insertMany('product', [{ bankId: other, docId: 'prd9', document: {} }]);
      f.products!.push({ ...clone(f.products![0]), bank_id: other, code: 'prd9' });
      return {
        message: `product code prd9 already exists at bank ${other}`,
        pre: { banks: [other], documents: [`product/${other}/prd9`] },
      };
    },
  },
  {
    rule: 'branch at a known bank',
    arrange: (f) => {
      f.branches![1].bank_id = 'nowhere';
      return { message: 'branch branch2 is for bank nowhere, which is neither imported nor existing' };
    },
  },
  {
    rule: 'ATM id unique at its bank',
    arrange: (f) => {
      f.atms![1].id = 'atm1';
      return { message: `duplicate ATM id atm1 at bank ${f.tag}-bank1` };
    },
  },
  {
    rule: 'CRM actual_date format',
    arrange: (f) => {
      f.crm_events![1].actual_date = '1100-01-01 01:01:01';
      return { message: 'CRM event KIFJA76876AS: invalid actual_date 1100-01-01 01:01:01 (expected yyyy-MM-ddTHH:mm:ss.SSSZ)' };
    },
  },
  {
    rule: 'users per import',
    arrange: (f) => {
      f.users = Array.from({ length: 501 }, (_, i) => ({
        email: `u${i}@example.com`,
        password: 'x',
        user_name: `${f.tag}-${i}`,
      }));
      return { message: 'too many users: 501 (at most 500 per import)' };
    },
  },
  {
    rule: 'text length',
    arrange: (f) => {
      f.banks![0].full_name = 'x'.repeat(2001);
      return { message: 'banks[0].full_name is longer than 2000 characters' };
    },
  },
  {
    rule: 'long values are cut short in the message',
    arrange: (f) => {
      f.users![1].email = `${'e'.repeat(300)}@example.com`;
      return { message: `user ${f.tag} User 2: invalid email ${'e'.repeat(64)}…` };
    },
  },
];

describe('POST /sandbox/data-import: every validation rule answers 400 and writes nothing', () => {
  it.each(ruleCases.map((c) => [c.rule, c] as const))('%s', async (_rule, c) => {
    const file = smallFile();
    const { message, pre } = await c.arrange(file);
    const res = await importFile(file);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(failure(message));
    await expectNothingWritten(server, file, pre);
    // the untouched parts of the file are not half-imported either
    expect(await server.store.users.getByProvider(server.config.localIdentityProvider, `${file.tag} User 1`)).toBeUndefined();
    if (!pre?.banks?.includes(`${file.tag}-bank1`)) expect(await server.store.banks.get(`${file.tag}-bank1`)).toBeUndefined();
  });
});
