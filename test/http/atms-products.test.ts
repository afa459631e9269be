import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressJson, importOpenData, license, openDataFile } from '../helpers/open-data.js';
import { seedBank, startTestServer, type TestServer } from '../helpers/server.js';

const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };
const bankNotFound = { code: 400, message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.' };
const atmNotFound = { code: 400, message: 'OBP-30009: ATM not found. Please specify a valid value for ATM_ID.' };
const productNotFound = { code: 400, message: 'OBP-30011: Product not found. Please specify a valid value for PRODUCT_CODE.' };

const atm0 = {
  id: 'atm-0',
  name: 'There place',
  address: addressJson,
  location: { latitude: 1.5, longitude: -1.5 },
  meta: { license },
};
const atm1 = {
  id: 'atm-1',
  name: 'Here place',
  address: addressJson,
  location: { latitude: 54.752158, longitude: -2.366534 },
  meta: { license },
};
const product = (bankId: string) => ({
  prod1: {
    bank_id: bankId,
    code: 'prod-1',
    name: 'Current account',
    category: 'Account',
    family: 'Current',
    super_family: 'Deposits',
    more_info_url: 'www.example.com/current',
    details: 'Details here',
    description: 'A current account',
    meta: { license },
  },
  // the import carries no details or description unless the file adds them
  prod2: {
    bank_id: bankId,
    code: 'prod-2',
    name: 'Mortgage',
    category: 'Mortgage',
    family: 'Mortgage',
    super_family: 'Lending',
    more_info_url: 'www.example.com',
    details: '',
    description: '',
    meta: { license },
  },
});

let server: TestServer;
let bankId: string;
beforeAll(async () => {
  server = await startTestServer();
  bankId = await importOpenData(server);
});
afterAll(async () => server.stop());

const get = (path: string, token?: string) => server.call('GET', `/obp/v2.1.0${path}`, { token });

describe('GET /banks/BANK_ID/atms (getAtms) and /atms/ATM_ID (getAtm)', () => {
  it('lists the imported ATMs with a license, ordered by id, anonymously', async () => {
    const res = await get(`/banks/${bankId}/atms`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.body).toEqual({ atms: [atm0, atm1] });
    expect((await get(`/banks/${bankId}/atms?limit=1&offset=1`)).body).toEqual({ atms: [atm1] });
    const bad = await get(`/banks/${bankId}/atms?limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^OBP-10025: /);
  });

  it('answers one ATM; unknown, unlicensed or other-bank ids get 400 OBP-30009', async () => {
    const res = await get(`/banks/${bankId}/atms/atm-1`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(atm1);
    const other = await seedBank(server);
    for (const path of [`/banks/${bankId}/atms/nope`, `/banks/${bankId}/atms/atm-unlicensed`, `/banks/${other}/atms/atm-1`]) {
      const miss = await get(path);
      expect(miss.status, path).toBe(400);
      expect(miss.body, path).toEqual(atmNotFound);
    }
  });

  it('an unknown bank answers 400 OBP-30001; a bank without ATMs an empty list', async () => {
    for (const path of ['/banks/no-such-bank/atms', '/banks/no-such-bank/atms/atm-1']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.body, path).toEqual(bankNotFound);
    }
    expect((await get(`/banks/${await seedBank(server)}/atms`)).body).toEqual({ atms: [] });
  });
});

describe('GET /banks/BANK_ID/products (getProducts) and /products/PRODUCT_CODE (getProduct)', () => {
  it('lists the imported products with a license, ordered by code, anonymously', async () => {
    const { prod1, prod2 } = product(bankId);
    const res = await get(`/banks/${bankId}/products`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.body).toEqual({ products: [prod1, prod2] });
  });

  it('answers one product; unknown, unlicensed or other-bank codes get 400 OBP-30011', async () => {
    const { prod1, prod2 } = product(bankId);
    expect((await get(`/banks/${bankId}/products/prod-1`)).body).toEqual(prod1);
    const res = await get(`/banks/${bankId}/products/prod-2`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(prod2);
    const other = await seedBank(server);
    for (const path of [
      `/banks/${bankId}/products/nope`,
      `/banks/${bankId}/products/prod-unlicensed`,
      `/banks/${other}/products/prod-1`,
    ]) {
      const miss = await get(path);
      expect(miss.status, path).toBe(400);
      expect(miss.body, path).toEqual(productNotFound);
    }
  });

  it('an unknown bank answers 400 OBP-30001; a bank without products an empty list', async () => {
    for (const path of ['/banks/no-such-bank/products', '/banks/no-such-bank/products/prod-1']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.body, path).toEqual(bankNotFound);
    }
    expect((await get(`/banks/${await seedBank(server)}/products`)).body).toEqual({ products: [] });
  });
});

describe('OBP_APIOPTIONS_GETATMSISPUBLIC=false and OBP_APIOPTIONS_GETPRODUCTSISPUBLIC=false', () => {
  let closed: TestServer;
  let closedBank: string;
  beforeAll(async () => {
    closed = await startTestServer({ OBP_APIOPTIONS_GETATMSISPUBLIC: 'false', OBP_APIOPTIONS_GETPRODUCTSISPUBLIC: 'false' });
    closedBank = await importOpenData(closed);
  });
  afterAll(async () => closed.stop());

  it('anonymous callers get 401 OBP-20001; logged-in callers the data; branches stay public', async () => {
    const paths = [
      `/banks/${closedBank}/atms`,
      `/banks/${closedBank}/atms/atm-1`,
      `/banks/${closedBank}/products`,
      `/banks/${closedBank}/products/prod-1`,
    ];
    for (const path of [...paths, '/banks/nowhere/atms', '/banks/nowhere/products']) {
      const res = await closed.call('GET', `/obp/v2.1.0${path}`);
      expect(res.status, path).toBe(401);
      expect(res.body, path).toEqual(notLoggedIn);
    }
    const someone = await closed.user();
    const { prod1, prod2 } = product(closedBank);
    const expected = [{ atms: [atm0, atm1] }, atm1, { products: [prod1, prod2] }, prod1];
    for (const [i, path] of paths.entries()) {
      const res = await closed.call('GET', `/obp/v2.1.0${path}`, { token: someone.token });
      expect(res.status, path).toBe(200);
      expect(res.body, path).toEqual(expected[i]);
    }
    expect((await closed.call('GET', `/obp/v2.1.0/banks/${closedBank}/branches`)).status).toBe(200);
  });

  it('a bad prop value stops the start with the variable named', async () => {
    await expect(startTestServer({ OBP_APIOPTIONS_GETPRODUCTSISPUBLIC: 'maybe' })).rejects.toThrow(
      'OBP_APIOPTIONS_GETPRODUCTSISPUBLIC must be true or false, got "maybe"',
    );
  });
});

describe('sandbox import of product details and description', () => {
  it('they are optional texts: another type is refused with OBP-10001 and nothing is written', async () => {
    const importer = await server.user({ roles: ['CanCreateSandbox'] });
    for (const change of [{ details: 5 }, { description: null }]) {
      const file = openDataFile(`bad-${Object.keys(change)[0]}`);
      Object.assign(file.products[0]!, change);
      const res = await server.call('POST', '/obp/v2.1.0/sandbox/data-import', { token: importer.token, body: file });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^OBP-10001: Incorrect json format\./);
      expect(await server.store.banks.get(file.banks[0]!.id)).toBeUndefined();
      expect(await server.store.documents.list('product', file.banks[0]!.id)).toEqual([]);
    }
  });
});
