/**
 * Explicit counterparties (OBP v2.2.0): payees created for an account through a view, by name and
 * routing, and paid by COUNTERPARTY and SEPA transaction requests. Names are unique per account; the
 * unique index decides between concurrent creations.
 */
import { randomUUID } from 'node:crypto';
import { isValidObpId } from '../../domain/accounts/ids.js';
import { requireObpDestination } from '../../domain/counterparties/destination.js';
import {
  counterpartyExistsError,
  maxDescriptionLength,
  maxNameLength,
  type ExplicitCounterparty,
} from '../../domain/counterparties/explicit.js';
import { obpError } from '../../errors/obp-error.js';
import { counterpartiesJsonV220, counterpartyWithMetadataJson } from '../../json/v220.js';
import { endpoint } from '../endpoint.js';
import { exampleCounterparty, exampleCounterpartyWithMetadata, examplePostCounterparty, PostCounterpartyBody } from './json.js';
import { metadataOf, viewOnAccount } from './load.js';

const explicitVersusImplicit =
  'Explicit counterparties are created for an account through a view and are the destinations of COUNTERPARTY and ' +
  'SEPA transaction requests; implicit counterparties (other accounts) are derived from transactions.';

export const createCounterparty = endpoint({
  operationId: 'OBPv2.2.0-createCounterparty',
  verb: 'POST',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/counterparties',
  summary: 'Create Counterparty (Explicit)',
  description: [
    `Create an explicit counterparty for the account ACCOUNT_ID. ${explicitVersusImplicit}`,
    '',
    '* `name`: how the user of the view refers to the counterparty (e.g. Piano teacher), unique on the account, at most 36 characters',
    '* `description`: at most 36 characters',
    '* `other_bank_routing_scheme` / `other_bank_routing_address`: e.g. `OBP` and a bank id of this server',
    '* `other_account_routing_scheme` / `other_account_routing_address`: e.g. `OBP` and an account id',
    '* `other_account_secondary_routing_scheme` / `other_account_secondary_routing_address`: e.g. `IBAN` and the IBAN a SEPA payment is sent to',
    '* `other_branch_routing_scheme` / `other_branch_routing_address`: may be empty',
    '* `is_beneficiary`: must be `true` for payments to be sent to the counterparty',
    '* `bespoke`: a list of `key` / `value` pairs kept with the counterparty',
    '',
    'With the bank scheme `OBP` and the account scheme (or else the secondary scheme) `OBP`, the bank and account',
    'must exist on this server. The view VIEW_ID must have the `can_add_counterparty` permission.',
    '',
    'Authentication is required.',
  ].join('\n'),
  tags: ['Counterparty', 'Account'],
  style: 'new',
  auth: 'user',
  errors: [
    'OBP-20001',
    'OBP-30110',
    'OBP-30111',
    'OBP-30001',
    'OBP-30018',
    'OBP-10001',
    'OBP-20017',
    'OBP-30022',
    'OBP-20010',
    'OBP-30014',
    'OBP-50000',
  ],
  body: PostCounterpartyBody,
  example: { request: examplePostCounterparty, response: exampleCounterpartyWithMetadata },
  successStatus: 201,
  handler: async (ctx) => {
    const { store, config, body } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId, VIEW_ID: viewId } = ctx.params;
    const user = ctx.user();
    if (!isValidObpId(accountId)) throw obpError('OBP-30110');
    if (!isValidObpId(bankId)) throw obpError('OBP-30111');
    if (!(await store.banks.exists(bankId))) throw obpError('OBP-30001');
    const view = await viewOnAccount(store, config.props, user.userId, bankId, accountId, viewId);
    if (!view.permissions.has('can_add_counterparty')) {
      throw obpError(
        'OBP-30022',
        ' can_add_counterparty. Please use a view with that permission or add the permission to this view.',
      );
    }
    if (body.name.length > maxNameLength) {
      throw obpError('OBP-20010', `. The maximum length of \`name\` field is ${maxNameLength}`);
    }
    if (body.description.length > maxDescriptionLength) {
      throw obpError('OBP-20010', `. The maximum length of \`description\` field is ${maxDescriptionLength}`);
    }
    const counterparty: ExplicitCounterparty = {
      counterpartyId: randomUUID(),
      bankId,
      accountId,
      viewId,
      createdByUserId: user.userId,
      name: body.name,
      description: body.description,
      otherAccountRoutingScheme: body.other_account_routing_scheme,
      otherAccountRoutingAddress: body.other_account_routing_address,
      otherAccountSecondaryRoutingScheme: body.other_account_secondary_routing_scheme,
      otherAccountSecondaryRoutingAddress: body.other_account_secondary_routing_address,
      otherBankRoutingScheme: body.other_bank_routing_scheme,
      otherBankRoutingAddress: body.other_bank_routing_address,
      otherBranchRoutingScheme: body.other_branch_routing_scheme,
      otherBranchRoutingAddress: body.other_branch_routing_address,
      isBeneficiary: body.is_beneficiary,
      bespoke: body.bespoke.map((b) => ({ key: b.key, value: b.value })),
      createdAt: Date.now(),
    };
    await requireObpDestination(store, counterparty);
    if (!(await store.explicitCounterparties.insert(counterparty))) {
      throw counterpartyExistsError(body.name, bankId, accountId, viewId);
    }
    const [metadata] = await metadataOf(store, bankId, accountId, [counterparty]);
    return counterpartyWithMetadataJson(counterparty, metadata!);
  },
});

export const getExplicitCounterpartiesForAccount = endpoint({
  operationId: 'OBPv2.2.0-getExplicitCounterpartiesForAccount',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/counterparties',
  summary: 'Get Counterparties (Explicit)',
  description: [
    `The explicit counterparties of the account ACCOUNT_ID, in the order they were created. ${explicitVersusImplicit}`,
    '',
    'The view VIEW_ID must have the `can_get_counterparty` permission. Authentication is required.',
  ].join('\n'),
  tags: ['Counterparty', 'Payment Initiation Service (PIS)', 'Account', 'PSD2'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-20001', 'OBP-30018', 'OBP-20017', 'OBP-30022', 'OBP-50000'],
  example: { response: { counterparties: [exampleCounterparty] } },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, config } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId, VIEW_ID: viewId } = ctx.params;
    const view = await viewOnAccount(store, config.props, ctx.user().userId, bankId, accountId, viewId);
    if (!view.permissions.has('can_get_counterparty')) throw obpError('OBP-30022', ' can_get_counterparty');
    const list = await store.explicitCounterparties.listForAccount(bankId, accountId);
    await metadataOf(store, bankId, accountId, list);
    return counterpartiesJsonV220(list);
  },
});

export const getExplicitCounterpartyById = endpoint({
  operationId: 'OBPv2.2.0-getExplicitCounterpartyById',
  verb: 'GET',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/counterparties/COUNTERPARTY_ID',
  summary: 'Get Counterparty by Counterparty Id (Explicit)',
  description: [
    'The explicit counterparty COUNTERPARTY_ID of the account ACCOUNT_ID, with its metadata.',
    '',
    'The view VIEW_ID must have the `can_get_counterparty` permission. Authentication is required.',
  ].join('\n'),
  tags: ['Counterparty', 'Payment Initiation Service (PIS)', 'Counterparty-Metadata', 'PSD2'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-20001', 'OBP-30018', 'OBP-20017', 'OBP-30022', 'OBP-30017', 'OBP-50000'],
  example: { response: exampleCounterpartyWithMetadata },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, config } = ctx;
    const { BANK_ID: bankId, ACCOUNT_ID: accountId, VIEW_ID: viewId, COUNTERPARTY_ID: counterpartyId } = ctx.params;
    const view = await viewOnAccount(store, config.props, ctx.user().userId, bankId, accountId, viewId);
    // OBP's text has no space after the colon here
    if (!view.permissions.has('can_get_counterparty')) throw obpError('OBP-30022', 'can_get_counterparty');
    const counterparty = await store.explicitCounterparties.byId(counterpartyId);
    if (!counterparty || counterparty.bankId !== bankId || counterparty.accountId !== accountId) {
      throw obpError('OBP-30017');
    }
    const [metadata] = await metadataOf(store, bankId, accountId, [counterparty]);
    return counterpartyWithMetadataJson(counterparty, metadata!);
  },
});
