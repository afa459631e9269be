/** The body of createCounterparty (OBP v2.2.0 PostCounterpartyJSON) and the examples of OBP's resource docs. */
import { Type } from '@sinclair/typebox';
import { text } from '../body-fields.js';

export const PostCounterpartyBody = Type.Object({
  name: text,
  description: text,
  other_account_routing_scheme: text,
  other_account_routing_address: text,
  other_account_secondary_routing_scheme: text,
  other_account_secondary_routing_address: text,
  other_bank_routing_scheme: text,
  other_bank_routing_address: text,
  other_branch_routing_scheme: text,
  other_branch_routing_address: text,
  is_beneficiary: Type.Boolean(),
  bespoke: Type.Array(Type.Object({ key: text, value: text }), { maxItems: 100 }),
});

export const examplePostCounterparty = {
  name: 'CounterpartyName',
  description: 'My landlord',
  other_account_routing_scheme: 'OBP',
  other_account_routing_address: '36f8a9e6-c2b1-407a-8bd0-421b7119307e',
  other_account_secondary_routing_scheme: 'IBAN',
  other_account_secondary_routing_address: 'DE89370400440532013000',
  other_bank_routing_scheme: 'OBP',
  other_bank_routing_address: 'gh.29.uk',
  other_branch_routing_scheme: 'OBP',
  other_branch_routing_address: '12f8a9e6-c2b1-407a-8bd0-421b7119307e',
  is_beneficiary: true,
  bespoke: [{ key: 'englishName', value: 'english Name' }],
};

export const exampleCounterparty = {
  name: 'CounterpartyName',
  description: 'My landlord',
  created_by_user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
  this_bank_id: 'gh.29.uk',
  this_account_id: '8ca8a7e4-6d02-40e3-a129-0b2bf89de9f0',
  this_view_id: 'owner',
  counterparty_id: '9fg8a7e4-6d02-40e3-a129-0b2bf89de8uh',
  other_bank_routing_scheme: 'OBP',
  other_bank_routing_address: 'gh.29.uk',
  other_branch_routing_scheme: 'OBP',
  other_branch_routing_address: '12f8a9e6-c2b1-407a-8bd0-421b7119307e',
  other_account_routing_scheme: 'OBP',
  other_account_routing_address: '36f8a9e6-c2b1-407a-8bd0-421b7119307e',
  other_account_secondary_routing_scheme: 'IBAN',
  other_account_secondary_routing_address: 'DE89370400440532013000',
  is_beneficiary: true,
  bespoke: [{ key: 'englishName', value: 'english Name' }],
};

const exampleLocation = {
  latitude: 11.45,
  longitude: 11.45,
  date: '2017-09-19T00:00:00Z',
  user: { id: '123', provider: 'http://127.0.0.1:8080', username: 'felixsmith' },
};

export const exampleCounterpartyWithMetadata = {
  ...exampleCounterparty,
  metadata: {
    public_alias: 'String',
    more_info: 'String',
    url: 'String',
    image_url: 'String',
    open_corporates_url: 'String',
    corporate_location: exampleLocation,
    physical_location: exampleLocation,
    private_alias: 'String',
  },
};
