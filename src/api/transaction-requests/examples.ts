/** Example bodies and answers of the payment endpoints. */
export const exampleTransactionRequest = {
  id: '4050046c-63b3-4868-8a22-14b4181d33a6',
  type: 'SANDBOX_TAN',
  from: { bank_id: 'gh.29.uk', account_id: '8ca8a7e4-6d02-40e3-a129-0b2bf89de9f0' },
  details: {
    to_sandbox_tan: { bank_id: 'gh.29.uk', account_id: '9ca8a7e4-6d02-40e3-a129-0b2bf89de9f1' },
    value: { currency: 'EUR', amount: '10.00' },
    description: 'this is for work',
  },
  transaction_ids: ['902ba3bb-dedd-45e7-9319-2fd3f2cd98a1'],
  status: 'COMPLETED',
  start_date: '2017-09-19T00:00:00Z',
  end_date: '2017-09-19T00:00:00Z',
  challenge: null,
  charge: { summary: 'Total charges for completed transaction', value: { currency: 'EUR', amount: '2.0' } },
};

export const exampleInitiatedRequest = {
  ...exampleTransactionRequest,
  details: { ...exampleTransactionRequest.details, value: { currency: 'EUR', amount: '5000.00' } },
  transaction_ids: [''],
  status: 'INITIATED',
  challenge: {
    id: 'be1a183d-b301-4b83-b855-5eeffdd3526f',
    allowed_attempts: 3,
    challenge_type: 'OBP_TRANSACTION_REQUEST_CHALLENGE',
  },
};

export const exampleValue = { currency: 'EUR', amount: '10.00' };
