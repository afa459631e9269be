/** Imports a bank with branches, ATMs, products and CRM events through POST /sandbox/data-import. */
import { randomUUID } from 'node:crypto';
import type { TestServer } from './server.js';

export const license = { id: 'copyright2016', name: 'Copyright ENBDG 2016' };

export const importAddress = {
  line_1: 'PO Box 2',
  line_2: 'Floor 3',
  line_3: 'Room 4',
  city: '5 St. Jane Street',
  county: 'Lancashire',
  state: 'England',
  post_code: 'BB5 1LY',
  country_code: 'GB',
};

/** The same address as the v2.1.0 JSON shows it (`county` is not part of it). */
export const addressJson = {
  line_1: 'PO Box 2',
  line_2: 'Floor 3',
  line_3: 'Room 4',
  city: '5 St. Jane Street',
  state: 'England',
  postcode: 'BB5 1LY',
  country: 'GB',
};

export function openDataFile(bankId: string) {
  const at = { bank_id: bankId };
  const location = { latitude: 54.752158, longitude: -2.366534 };
  return {
    banks: [{ id: bankId, short_name: 'Open', full_name: 'Open Data Bank', logo: '', website: 'https://example.com' }],
    users: [],
    accounts: [],
    transactions: [],
    branches: [
      {
        id: 'branch-b',
        ...at,
        name: 'Head Office',
        address: importAddress,
        location,
        meta: { license },
        lobby: { hours: 'Mon 9-5' },
        driveUp: { hours: 'Sat 9-12' },
      },
      // OBP's example file spells drive_up so, and leaves lobby out
      { id: 'branch-a', ...at, name: 'Second', address: importAddress, location, meta: { license }, drive_up: { hours: 'Sun' } },
      {
        id: 'branch-unlicensed',
        ...at,
        name: 'No licence',
        address: importAddress,
        location,
        meta: { license: { id: '', name: '' } },
      },
    ],
    atms: [
      { id: 'atm-1', ...at, name: 'Here place', address: importAddress, location, meta: { license } },
      {
        id: 'atm-0',
        ...at,
        name: 'There place',
        address: importAddress,
        location: { latitude: 1.5, longitude: -1.5 },
        meta: { license },
      },
      {
        id: 'atm-unlicensed',
        ...at,
        name: 'No licence',
        address: importAddress,
        location,
        meta: { license: { id: 'x', name: '' } },
      },
    ],
    products: [
      {
        ...at,
        code: 'prod-2',
        name: 'Mortgage',
        category: 'Mortgage',
        family: 'Mortgage',
        super_family: 'Lending',
        more_info_url: 'www.example.com',
        meta: { license },
      },
      {
        ...at,
        code: 'prod-1',
        name: 'Current account',
        category: 'Account',
        family: 'Current',
        super_family: 'Deposits',
        more_info_url: 'www.example.com/current',
        meta: { license },
        details: 'Details here',
        description: 'A current account',
      },
      {
        ...at,
        code: 'prod-unlicensed',
        name: 'x',
        category: '',
        family: '',
        super_family: '',
        more_info_url: '',
        meta: { license: { id: '', name: 'x' } },
      },
    ],
    crm_events: [
      {
        id: 'crm-2',
        ...at,
        customer: { name: 'Dennis X', number: 'bank-x281290865' },
        category: 'TEST CATEGORY',
        detail: 'TEST DETAIL',
        channel: 'Test Channel',
        actual_date: '2015-02-14T00:00:00.000Z',
      },
      {
        id: 'crm-1',
        ...at,
        customer: { name: 'Anna Y', number: '42' },
        category: 'Call',
        detail: 'Asked about rates',
        channel: 'Phone',
        actual_date: '2016-12-31T23:59:58.123Z',
      },
    ],
  };
}

/** A new bank holding the documents of `openDataFile`, imported by a user holding CanCreateSandbox. */
export async function importOpenData(server: TestServer): Promise<string> {
  const bankId = `open-${randomUUID().slice(0, 8)}`;
  const importer = await server.user({ roles: ['CanCreateSandbox'] });
  const res = await server.call('POST', '/obp/v2.1.0/sandbox/data-import', { token: importer.token, body: openDataFile(bankId) });
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${res.text}`);
  return bankId;
}
