import { randomUUID } from 'node:crypto';
import { isValidObpId } from '../../domain/accounts/ids.js';
import { createCustomerLinkedTo, duplicateNumber } from '../../domain/customers/create.js';
import type { Customer } from '../../domain/customers/model.js';
import { isDecimalString, isIsoCurrency } from '../../domain/money.js';
import { obpError } from '../../errors/obp-error.js';
import { customerJsonV210 } from '../../json/v210.js';
import { bodyDate } from '../body-fields.js';
import { endpoint } from '../endpoint.js';
import { exampleCustomer, exampleCustomerRequest, PostCustomerBody } from './customer-json.js';

export const createCustomer = endpoint({
  operationId: 'OBPv2.1.0-createCustomer',
  verb: 'POST',
  path: '/banks/BANK_ID/customers',
  summary: 'Create Customer',
  description: [
    'Add a customer linked to the user specified by user_id (the logged in user when user_id is empty).',
    'The customer and its user customer link are created together. One user may hold several customers at a bank.',
    '',
    "Dates are yyyy-MM-dd'T'HH:mm:ss'Z'. credit_limit.amount is a non-negative decimal string, echoed as sent;",
    'credit_limit.currency is an ISO 4217 code. customer_number must be unused at the bank and must not contain `::::`.',
    '',
    'Authentication is required, and both CanCreateCustomer and CanCreateUserCustomerLink at the bank, or both',
    'CanCreateCustomerAtAnyBank and CanCreateUserCustomerLinkAtAnyBank.',
  ].join('\n'),
  tags: ['Customer', 'Person', 'Old-Style'],
  style: 'old',
  auth: 'user',
  roles: {
    anyOf: [
      ['CanCreateCustomer', 'CanCreateUserCustomerLink'],
      ['CanCreateCustomerAtAnyBank', 'CanCreateUserCustomerLinkAtAnyBank'],
    ],
    check: 'handler',
    condition: 'checked after the bank and the body, as in OBP',
  },
  errors: ['OBP-30111', 'OBP-30001', 'OBP-10001', 'OBP-10002', 'OBP-10003', 'OBP-30006', 'OBP-20005', 'OBP-30007', 'OBP-50000'],
  body: PostCustomerBody,
  example: { request: exampleCustomerRequest, response: exampleCustomer },
  successStatus: 201,
  handler: async (ctx) => {
    const { store, body } = ctx;
    const bankId = ctx.params.BANK_ID;
    const caller = ctx.user();
    if (!isValidObpId(bankId)) throw obpError('OBP-30111');
    if (!(await store.banks.exists(bankId))) throw obpError('OBP-30001');
    // OBP keys its customer-number lookups with "::::" as the separator
    if (body.customer_number.includes('::::')) throw obpError('OBP-10001', ' customer_number can not contain `::::` characters.');
    const { currency, amount } = body.credit_limit;
    if (!isDecimalString(amount) || amount.trim().startsWith('-')) throw obpError('OBP-10002', ' credit_limit.amount');
    if (!isIsoCurrency(currency)) throw obpError('OBP-10003');
    const customer: Customer = {
      customerId: randomUUID(),
      bankId,
      customerNumber: body.customer_number,
      legalName: body.legal_name,
      mobilePhoneNumber: body.mobile_phone_number,
      email: body.email,
      faceImage: { url: body.face_image.url, date: bodyDate('face_image.date', body.face_image.date) },
      dateOfBirth: bodyDate('date_of_birth', body.date_of_birth),
      relationshipStatus: body.relationship_status,
      dependants: body.dependants,
      dobOfDependants: body.dob_of_dependants.map((d) => bodyDate('dob_of_dependants', d)),
      creditRating: { rating: body.credit_rating.rating, source: body.credit_rating.source },
      creditLimit: { currency, amount },
      highestEducationAttained: body.highest_education_attained,
      employmentStatus: body.employment_status,
      kycStatus: body.kyc_status,
      lastOkDate: bodyDate('last_ok_date', body.last_ok_date),
    };
    await ctx.requireRoles();

    if (await store.customers.numberTaken(bankId, customer.customerNumber)) throw duplicateNumber();
    const userId = body.user_id === '' ? caller.userId : body.user_id;
    if (!(await store.users.get(userId))) throw obpError('OBP-20005');
    await createCustomerLinkedTo(store, customer, userId);
    return customerJsonV210(customer);
  },
});
