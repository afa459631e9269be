/** Example responses of the transaction endpoints, from OBP's resource docs. */
export const exampleTransactions = {
  transactions: [
    {
      id: '5995d6a2-01b3-423c-a173-5481df49bdaf',
      this_account: {
        id: '5995d6a2-01b3-423c-a173-5481df49bdaf',
        holders: [{ name: 'OBP', is_alias: true }],
        number: '123',
        kind: 'AC',
        IBAN: 'UK1234AD',
        swift_bic: 'UK1234AD',
        bank: { national_identifier: 'OBP', name: 'OBP' },
      },
      other_account: {
        id: '5995d6a2-01b3-423c-a173-5481df49bdaf',
        holder: { name: 'OBP', is_alias: true },
        number: '123',
        kind: '3456',
        IBAN: 'UK234DB',
        swift_bic: 'UK12321DB',
        bank: { national_identifier: 'OBP', name: 'OBP' },
        metadata: {
          public_alias: 'NONE',
          private_alias: 'NONE',
          more_info: 'www.openbankproject.com',
          URL: 'www.openbankproject.com',
          image_URL: 'www.openbankproject.com',
          open_corporates_URL: 'www.openbankproject.com',
          corporate_location: {
            latitude: 1.231,
            longitude: 1.231,
            date: '1100-01-01T00:00:00Z',
            user: { id: '5995d6a2-01b3-423c-a173-5481df49bdaf', provider: 'http://127.0.0.1:8080', display_name: 'OBP' },
          },
          physical_location: {
            latitude: 1.231,
            longitude: 1.231,
            date: '1100-01-01T00:00:00Z',
            user: { id: '5995d6a2-01b3-423c-a173-5481df49bdaf', provider: 'http://127.0.0.1:8080', display_name: 'OBP' },
          },
        },
      },
      details: {
        type: 'AC',
        description: 'this is for family',
        posted: '1100-01-01T00:00:00Z',
        completed: '1100-01-01T00:00:00Z',
        new_balance: { currency: 'EUR', amount: '0' },
        value: { currency: 'EUR', amount: '0' },
      },
      metadata: {
        narrative: 'NONE',
        comments: [
          {
            id: '5995d6a2-01b3-423c-a173-5481df49bdaf',
            value: 'OBP',
            date: '1100-01-01T00:00:00Z',
            user: { id: '5995d6a2-01b3-423c-a173-5481df49bdaf', provider: 'http://127.0.0.1:8080', display_name: 'OBP' },
          },
        ],
        tags: [
          {
            id: '5995d6a2-01b3-423c-a173-5481df49bdaf',
            value: 'OBP',
            date: '1100-01-01T00:00:00Z',
            user: { id: '5995d6a2-01b3-423c-a173-5481df49bdaf', provider: 'http://127.0.0.1:8080', display_name: 'OBP' },
          },
        ],
        images: [
          {
            id: '5995d6a2-01b3-423c-a173-5481df49bdaf',
            label: 'NONE',
            URL: 'www.openbankproject.com',
            date: '1100-01-01T00:00:00Z',
            user: { id: '5995d6a2-01b3-423c-a173-5481df49bdaf', provider: 'http://127.0.0.1:8080', display_name: 'OBP' },
          },
        ],
        where: {
          latitude: 1.231,
          longitude: 1.231,
          date: '1100-01-01T00:00:00Z',
          user: { id: '5995d6a2-01b3-423c-a173-5481df49bdaf', provider: 'http://127.0.0.1:8080', display_name: 'OBP' },
        },
      },
    },
  ],
};

export const exampleTransaction = exampleTransactions.transactions[0]!;

export const exampleCoreTransactions = {
  transactions: [
    {
      id: '123',
      account: {
        id: '5995d6a2-01b3-423c-a173-5481df49bdaf',
        holders: [{ name: 'OBP', is_alias: true }],
        number: '123',
        kind: 'AC',
        IBAN: 'UK1234AD',
        swift_bic: 'UK1234AD',
        bank: { national_identifier: 'OBP', name: 'OBP' },
      },
      counterparty: {
        id: '123',
        holder: { name: 'ZACK' },
        number: '1234',
        kind: 'AV',
        IBAN: 'UK12344DB',
        swift_bic: 'UK12344DB',
        bank: { national_identifier: 'OBP', name: 'OBP' },
      },
      details: {
        type: 'AC',
        description: 'OBP',
        posted: '1100-01-01T00:00:00Z',
        completed: '1100-01-01T00:00:00Z',
        new_balance: { currency: 'EUR', amount: '0' },
        value: { currency: 'EUR', amount: '0' },
      },
    },
  ],
};
