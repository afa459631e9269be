import { Type } from '@sinclair/typebox';
import { requireHeldPermission } from '../../domain/views/access.js';
import { obpError } from '../../errors/obp-error.js';
import { endpoint } from '../endpoint.js';

// only `label` is used; OBP still requires the whole body
const UpdateAccountBody = Type.Object({
  id: Type.String(),
  label: Type.String({ maxLength: 255 }),
  bank_id: Type.String(),
});

export const updateAccountLabel = endpoint({
  operationId: 'OBPv1.2.1-updateAccountLabel',
  verb: 'POST',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID',
  summary: 'Update Account Label',
  description:
    "Update the label for the account. The label is how the account is known to the account owner e.g. 'My savings account'.\n\n" +
    'The user needs the `can_update_bank_account_label` permission on one of their views of the account. Authentication is required.',
  tags: ['Account'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-10001', 'OBP-50000', 'OBP-30018', 'OBP-20022'],
  body: UpdateAccountBody,
  example: { request: { id: '123123', label: 'label', bank_id: 'gh.29.uk' }, response: { success: 'Success' } },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, params, body } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId } = params;
    if (!(await store.accounts.get(bankId, accountId))) throw obpError('OBP-30018');
    await requireHeldPermission(store, ctx.user().userId, bankId, accountId, 'can_update_bank_account_label');
    await store.accounts.updateLabel(bankId, accountId, body.label);
    return { success: 'Success' };
  },
});
