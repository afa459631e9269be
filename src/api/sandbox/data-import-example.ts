/** A small import file in OBP's format, shown in the docs (OBP's own example is in spec/sandbox-example-import.json). */
const address = {
  line_1: '5 Some Street',
  line_2: 'Rosy Place',
  line_3: 'Sunny Village',
  city: 'Ashbourne',
  county: 'Derbyshire',
  state: '',
  post_code: 'WHY RU4',
  country_code: 'UK',
};
const location = { latitude: 52.556198, longitude: 13.384099 };
const meta = { license: { id: 'pddl', name: 'Open Data Commons Public Domain Dedication and License (PDDL)' } };

export const dataImportExample = {
  banks: [
    {
      id: 'bank1',
      short_name: 'bank 1',
      full_name: 'Bank 1 Inc.',
      logo: 'http://example.com/logo',
      website: 'http://example.com',
    },
  ],
  users: [{ email: 'user1@example.com', password: 'TESOBE520berlin123!', user_name: 'User 1' }],
  accounts: [
    {
      id: 'account1',
      bank: 'bank1',
      label: 'Account 1 at Bank 1',
      number: '1',
      type: 'savings',
      balance: { currency: 'EUR', amount: '1000.00' },
      IBAN: '1234567890',
      owners: ['User 1'],
      generate_public_view: true,
      generate_accountants_view: true,
      generate_auditors_view: true,
    },
  ],
  transactions: [
    {
      id: 'transaction-with-counterparty',
      this_account: { id: 'account1', bank: 'bank1' },
      counterparty: { name: 'Acme Inc.', account_number: '12345-B' },
      details: {
        type: 'SEPA',
        description: 'some description',
        posted: '2012-03-07T00:00:00.001Z',
        completed: '2012-04-07T00:00:00.001Z',
        new_balance: '1244.00',
        value: '-135.33',
      },
    },
  ],
  branches: [
    {
      id: 'branch1',
      bank_id: 'bank1',
      name: 'Genel Müdürlük',
      address,
      location,
      meta,
      lobby: { hours: 'M-TH 8:30-3:30, F 9-5' },
      driveUp: { hours: 'M-Th 8:30-5:30, F-8:30-6, Sat 9-12' },
    },
  ],
  atms: [{ id: 'atm1', bank_id: 'bank1', name: 'Ashbourne Atm 1', address, location, meta }],
  products: [
    {
      bank_id: 'bank1',
      code: 'prd1',
      name: 'product 1',
      category: 'cat1',
      family: 'fam1',
      super_family: 'sup fam 1',
      more_info_url: 'www.example.com/index1',
      meta,
    },
  ],
  crm_events: [
    {
      id: 'ASDFHJ47YKJH',
      bank_id: 'bank1',
      customer: { name: 'James Brown', number: '698761728934' },
      category: 'Call',
      detail: 'Check mortgage',
      channel: 'Phone',
      actual_date: '2018-03-09T00:00:00.000Z',
    },
  ],
};
