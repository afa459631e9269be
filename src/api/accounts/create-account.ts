import { Type } from '@sinclair/typebox';
import { createAccount as openAccount } from '../../domain/accounts/create.js';
import { isValidObpId } from '../../domain/accounts/ids.js';
import { isDecimalString, isIsoCurrency } from '../../domain/money.js';
import { obpError } from '../../errors/obp-error.js';
import { coreAccountJson } from '../../json/v200.js';
import { endpoint } from '../endpoint.js';

// OBP stores these in 255-character columns; longer values are refused rather than truncated
const text = Type.String({ maxLength: 255 });

const CreateAccountBody = Type.Object({
  user_id: text,
  label: text,
  type: text,
  balance: Type.Object({ currency: text, amount: text }),
});

export const createAccount = endpoint({
  operationId: 'OBPv2.0.0-createAccount',
  verb: 'PUT',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID',
  summary: 'Create Account',
  description: [
    'Create Account at bank specified by BANK_ID with Id specified by ACCOUNT_ID.',
    '',
    'The User can create an Account for themself or an Account for another User if they have CanCreateAccount role.',
    '',
    'If USER_ID is not specified the account will be owned by the logged in User.',
    '',
    'ACCOUNT_ID SHOULD be a UUID. ACCOUNT_ID MUST NOT be the ACCOUNT_NUMBER.',
    '',
    'TYPE SHOULD be the PRODUCT_CODE from Product.',
    '',
    'Note: The Amount must be zero.',
    '',
    'If the account already exists and belongs to the user, it is returned unchanged; if it belongs to someone else the request fails (OBP-30208).',
  ].join('\n'),
  tags: ['Account', 'Old-Style'],
  style: 'old',
  auth: 'user',
  roles: {
    anyOf: [['CanCreateAccount']],
    check: 'handler',
    condition: 'only when the body user_id names another user than the caller',
  },
  errors: [
    'OBP-10001',
    'OBP-30107',
    'OBP-30110',
    'OBP-30111',
    'OBP-20005',
    'OBP-30106',
    'OBP-30108',
    'OBP-30112',
    'OBP-30109',
    'OBP-10003',
    'OBP-30001',
    'OBP-30208',
    'OBP-30105',
    'OBP-50000',
  ],
  body: CreateAccountBody,
  example: {
    request: { user_id: 'A user_id', label: 'CURRENT', type: 'Label', balance: { currency: 'EUR', amount: '0' } },
    response: {
      id: '8ca8a7e4-6d02-48e3-a029-0b2bf89de9f0',
      label: 'NoneLabel',
      bank_id: 'gh.29.uk',
      _links: { jsonString: '{}' },
    },
  },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, body } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = ctx.params;
    const caller = ctx.user();
    if (!isValidObpId(accountId)) throw obpError('OBP-30110');
    if (!isValidObpId(bankId)) throw obpError('OBP-30111');

    const holder = body.user_id === '' ? caller : await store.users.get(body.user_id);
    if (!holder) throw obpError('OBP-20005');
    if (holder.userId !== caller.userId) await ctx.requireRoles();

    const { amount, currency } = body.balance;
    if (!isDecimalString(amount)) throw obpError('OBP-30112');
    // a valid decimal string is zero exactly when it has no non-zero digit ("0.001" is not zero)
    if (/[1-9]/.test(amount)) throw obpError('OBP-30109');
    if (!isIsoCurrency(currency)) throw obpError('OBP-10003');
    if (!(await store.banks.exists(bankId))) throw obpError('OBP-30001');

    const result = await openAccount(store, {
      bankId,
      accountId,
      kind: body.type,
      label: body.label,
      currency,
      holder: { userId: holder.userId, name: holder.username },
    });
    // OBP answers an existing ACCOUNT_ID with that account (quirk Q9), which would hand someone
    // else's account to the caller; that case is refused instead
    if (result.outcome === 'existing' && !result.heldByHolder) throw obpError('OBP-30208');
    const { account } = result;
    return coreAccountJson(account);
  },
});
