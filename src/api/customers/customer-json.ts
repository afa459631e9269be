/** The v2.1.0 customer body and example, shared by the customer endpoints. */
import { Type } from '@sinclair/typebox';
import { obpDateText, text } from '../body-fields.js';

export const PostCustomerBody = Type.Object({
  user_id: text,
  customer_number: text,
  legal_name: text,
  mobile_phone_number: text,
  email: text,
  face_image: Type.Object({ url: text, date: obpDateText }),
  date_of_birth: obpDateText,
  relationship_status: text,
  dependants: Type.Integer({ minimum: 0, maximum: 1000 }),
  dob_of_dependants: Type.Array(obpDateText, { maxItems: 1000 }),
  credit_rating: Type.Object({ rating: text, source: text }),
  credit_limit: Type.Object({ currency: text, amount: text }),
  highest_education_attained: text,
  employment_status: text,
  kyc_status: Type.Boolean(),
  last_ok_date: obpDateText,
});

const customerFields = {
  customer_number: '5987953',
  legal_name: 'Eveline Tripman',
  mobile_phone_number: '+44 07972 444 876',
  email: 'felixsmith@example.com',
  face_image: { url: 'www.openbankproject', date: '1100-01-01T00:00:00Z' },
  date_of_birth: '1100-01-01T00:00:00Z',
  relationship_status: 'single',
  dependants: 1,
  dob_of_dependants: ['1100-01-01T00:00:00Z'],
  credit_rating: { rating: 'OBP', source: 'OBP' },
  credit_limit: { currency: 'EUR', amount: '0' },
  highest_education_attained: 'Master',
  employment_status: 'worker',
  kyc_status: false,
  last_ok_date: '2023-10-16T00:00:00Z',
};

export const exampleCustomerRequest = { user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1', ...customerFields };

export const exampleCustomer = {
  bank_id: 'gh.29.uk',
  customer_id: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh',
  ...customerFields,
};
