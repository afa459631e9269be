import { obpError } from '../../errors/obp-error.js';
import { bankJson } from '../../json/v121.js';
import { endpoint } from '../endpoint.js';

const exampleBank = {
  id: 'gh.29.uk',
  short_name: 'short_name ',
  full_name: 'full_name',
  logo: 'logo',
  website: 'www.openbankproject.com',
  bank_routing: { scheme: 'scheme value', address: '' },
};

export const getBanks = endpoint({
  operationId: 'OBPv1.2.1-getBanks',
  verb: 'GET',
  path: '/banks',
  summary: 'Get Banks',
  description:
    'Get banks on this API instance. Returns a list of banks supported on this server: id, short and full name, logo URL, website and bank routing.',
  tags: ['Bank', 'PSD2', 'Old-Style'],
  style: 'old',
  auth: 'none',
  errors: ['OBP-50000'],
  example: { response: { banks: [exampleBank] } },
  successStatus: 200,
  handler: async ({ store }) => ({ banks: (await store.banks.list()).map(bankJson) }),
});

export const bankById = endpoint({
  operationId: 'OBPv1.2.1-bankById',
  verb: 'GET',
  path: '/banks/BANK_ID',
  summary: 'Get Bank',
  description: 'Get the bank specified by BANK_ID: id, short and full name, logo URL, website and bank routing.',
  tags: ['Bank', 'PSD2', 'Old-Style'],
  style: 'old',
  auth: 'none',
  errors: ['OBP-30001', 'OBP-50000'],
  example: { response: exampleBank },
  successStatus: 200,
  handler: async ({ store, params }) => {
    const bank = await store.banks.get(params.BANK_ID);
    if (!bank) throw obpError('OBP-30001');
    return bankJson(bank);
  },
});
