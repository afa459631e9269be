/**
 * Create Transaction Request (§11.2–§11.4, §11.6): one handler, declared four times as OBP documents
 * it (one declaration per type). Below the challenge threshold the payment is posted in the same
 * database transaction that stores the request as COMPLETED; at or above it the request is stored
 * INITIATED with a challenge and no money moves until the challenge is answered.
 */
import { randomUUID } from 'node:crypto';
import type { TSchema } from '@sinclair/typebox';
import { Decimal } from 'decimal.js';
import { parseRequestAmount, roundToMinorUnits, toExactMinorUnits } from '../../domain/payments/amount.js';
import { challengeType, hashAnswer, sandboxAnswer } from '../../domain/payments/challenge.js';
import { chargeAmount, chargeSummary } from '../../domain/payments/charge.js';
import { convert } from '../../domain/payments/fx.js';
import { partyOf, post, type Posting } from '../../domain/payments/ledger.js';
import { isIsoCurrency } from '../../domain/money.js';
import { obpError } from '../../errors/obp-error.js';
import { transactionRequestJson } from '../../json/v210.js';
import type { TransactionRequestRow } from '../../store/repos/transaction-requests.js';
import { endpoint, type Ctx, type EndpointSpec } from '../endpoint.js';
import { authorisedSource, paymentAuthorisation } from './access.js';
import { CounterpartyBody, FreeFormBody, SandboxTanBody, SepaBody, type AnyCreateBody } from './bodies.js';
import { resolveDestination, sandboxTanTarget, type TransactionRequestType } from './destination.js';
import { exampleInitiatedRequest, exampleTransactionRequest, exampleValue } from './examples.js';
import { idempotencyDoc, idempotencyOf, idempotentWrite, replay } from './idempotency.js';

/** the four paths differ in their literal type segment only; this names their placeholders */
type CreatePath = '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transaction-request-types/TYPE/transaction-requests';

/** A rate the static table lacks (§11.7). */
function noRate(from: string, to: string) {
  return obpError('OBP-10006', ` Currency conversion from ${from} to ${to} is not supported.`);
}

async function createTransactionRequest(ctx: Ctx<CreatePath, AnyCreateBody>, type: TransactionRequestType): Promise<unknown> {
  const { store, config, params, body } = ctx;
  const props = config.props;
  const user = ctx.user();
  const idem = idempotencyOf(ctx.request, user.userId, ctx.caller.consumer?.consumerId, `createTransactionRequest${type}`, body);
  const replayed = await replay(store, idem);
  if (replayed !== undefined) return replayed;

  const target = sandboxTanTarget(type, body);
  const source = await authorisedSource(store, props, user.userId, params, target);
  if (!props.transactionRequestsSupportedTypes.includes(type)) throw obpError('OBP-40001', `: '${type}'`);

  const amount = parseRequestAmount(body.value.amount);
  const currency = body.value.currency;
  if (!isIsoCurrency(currency)) throw obpError('OBP-10003', ` Current input is: '${currency.slice(0, 16)}'`);
  if (currency !== source.account.currency) {
    throw obpError(
      'OBP-40003',
      ` From Account Currency is ${source.account.currency}, but Requested Transaction Currency is: ${currency}`,
    );
  }
  const debit = toExactMinorUnits(amount, currency);

  const destination = await resolveDestination(store, type, source, body, target && { account: source.also });
  if (amount.gt(new Decimal(props.paymentLimit))) {
    throw obpError(
      'OBP-10035',
      ` The amount ${amount.toFixed()} ${currency} is over the payment limit of ${props.paymentLimit}.`,
    );
  }
  const creditCurrency = destination.account.currency;
  const converted = convert(amount, currency, creditCurrency);
  if (converted === undefined) throw noRate(currency, creditCurrency);
  const credit = roundToMinorUnits(converted, creditCurrency);
  if (credit <= 0n) throw obpError('OBP-40008', ` ${amount.toFixed()} ${currency} is 0 ${creditCurrency}.`);

  const threshold = convert(new Decimal(props.challengeThresholds[type] ?? '1000'), props.challengeCurrency, currency);
  if (threshold === undefined) throw noRate(props.challengeCurrency, currency);
  const needsChallenge = amount.gte(threshold);

  const now = Date.now();
  const row: TransactionRequestRow = {
    transaction_request_id: randomUUID(),
    type,
    bank_id: source.account.bankId,
    account_id: source.account.accountId,
    details: JSON.stringify({
      ...destination.details,
      value: { currency, amount: body.value.amount },
      description: body.description,
    }),
    currency,
    amount: debit,
    status: needsChallenge ? 'INITIATED' : 'COMPLETED',
    transaction_id: '',
    start_date: now,
    end_date: now,
    charge_policy: destination.chargePolicy,
    charge_summary: chargeSummary,
    charge_currency: currency,
    charge_amount: chargeAmount(amount, props.chargeLevels[type] ?? '0.0001'),
    to_bank_id: destination.account.bankId,
    to_account_id: destination.account.accountId,
    debit_amount: debit,
    credit_currency: creditCurrency,
    credit_amount: credit,
    payee: JSON.stringify(destination.payee),
    challenge_id: needsChallenge ? randomUUID() : '',
    challenge_type: needsChallenge ? challengeType : '',
    challenge_allowed_attempts: needsChallenge ? props.challengeAllowedAttempts : 0,
    challenge_attempts: 0,
    challenge_answer_hash: needsChallenge ? hashAnswer(sandboxAnswer) : '',
    challenge_user_id: needsChallenge ? user.userId : '',
    challenge_expires_at: needsChallenge ? now + props.challengeTtlSeconds * 1000 : 0,
  };

  if (!needsChallenge) row.transaction_id = randomUUID();
  const posting: Posting = {
    type,
    description: body.description,
    source: source.account,
    sourceCurrency: currency,
    debit,
    target: destination.account,
    targetCurrency: creditCurrency,
    credit,
    payee: destination.payee,
    payer: partyOf(source.account, source.bank),
    at: now,
    debitTransactionId: row.transaction_id,
  };
  if (!needsChallenge && !idem) {
    await ctx.services.payments.submit({ row, posting });
    return transactionRequestJson(row);
  }
  return idempotentWrite(store, idem, async (tx) => {
    // the request row first: only the payment's own statements then run while its accounts are locked
    await tx.transactionRequests.insert(row);
    if (!needsChallenge) await post(tx, posting);
    return transactionRequestJson(row);
  });
}

const errors: EndpointSpec<string, undefined>['errors'] = [
  'OBP-40018',
  'OBP-30110',
  'OBP-30111',
  'OBP-10001',
  'OBP-30001',
  'OBP-30018',
  'OBP-40002',
  'OBP-40001',
  'OBP-10002',
  'OBP-40008',
  'OBP-10003',
  'OBP-40003',
];

const flow = [
  '',
  '',
  'Checks, in order: login, transaction requests enabled (`OBP-40018`), id formats, bank and account (404), then',
  'authorisation: `CanCreateAnyTransactionRequest` at BANK_ID, or access to VIEW_ID through a view with',
  '`can_add_transaction_request_to_any_account` or `can_add_transaction_request_to_beneficiary` (`OBP-40002`); the',
  'type must be listed in `transactionRequests_supported_types` (`OBP-40001`); `value.amount` a positive plain',
  'decimal with no more fraction digits than the currency has (`OBP-10002`, `OBP-40008`), `value.currency` the',
  "account's ISO currency (`OBP-10003`, `OBP-40003`); then the destination; the amount at most",
  '`transactionRequests_payment_limit` (`OBP-10035`).',
  '',
  'Below the challenge threshold (`transactionRequests_challenge_threshold_<TYPE>`, default 1000 EUR converted to',
  'the request currency) the payment is made at once: status `COMPLETED`, the debit transaction id in',
  '`transaction_ids`, `challenge` null. Otherwise the request is `INITIATED` with a challenge to answer',
  '(`transaction_ids` is `[""]`). Amounts are converted with the static rate table and rounded half-up to 2',
  'places; the charge is shown, never debited, and there is no balance check unless the account has an',
  'overdraft limit (an obp-ts extension, `OBP-40901`).',
].join('\n');

function createVariant<B extends TSchema>(spec: {
  type: TransactionRequestType;
  fn: string;
  summary: string;
  about: string;
  body: B;
  request: unknown;
  errors: EndpointSpec<string, undefined>['errors'];
  tags: string[];
}) {
  return endpoint({
    operationId: `OBPv2.1.0-${spec.fn}`,
    verb: 'POST',
    path: `/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transaction-request-types/${spec.type}/transaction-requests` as CreatePath,
    summary: spec.summary,
    description: spec.about + flow + idempotencyDoc,
    tags: spec.tags,
    style: 'new',
    auth: 'user',
    roles: paymentAuthorisation,
    errors: [...errors, ...spec.errors, 'OBP-10035', 'OBP-10006', 'OBP-40901', 'OBP-40900', 'OBP-50000'],
    body: spec.body,
    example: {
      request: spec.request,
      response: spec.type === 'SANDBOX_TAN' ? exampleTransactionRequest : exampleInitiatedRequest,
    },
    successStatus: 201,
    handler: (ctx) => createTransactionRequest(ctx as unknown as Ctx<CreatePath, AnyCreateBody>, spec.type),
  });
}

const pis = ['Transaction-Request', 'Payment Initiation Service (PIS)', 'PSD2'];

export const createTransactionRequestSandboxTan = createVariant({
  type: 'SANDBOX_TAN',
  fn: 'createTransactionRequestSandboxTan',
  summary: 'Create Transaction Request (SANDBOX_TAN)',
  about: 'Pays from ACCOUNT_ID to the OBP account `to` (`{bank_id, account_id}`), which must exist (`OBP-30018`).',
  body: SandboxTanBody,
  request: {
    to: { bank_id: 'gh.29.uk', account_id: '9ca8a7e4-6d02-40e3-a129-0b2bf89de9f1' },
    value: exampleValue,
    description: 'this is for work',
  },
  errors: [],
  tags: pis,
});

export const createTransactionRequestCounterparty = createVariant({
  type: 'COUNTERPARTY',
  fn: 'createTransactionRequestCounterparty',
  summary: 'Create Transaction Request (COUNTERPARTY)',
  about:
    'Pays from ACCOUNT_ID to an explicit counterparty of the account (`to.counterparty_id`, `OBP-30017`), which must be ' +
    'a beneficiary (`OBP-30013`); `charge_policy` is `SHARED`, `SENDER` or `RECEIVER` (`OBP-40013`).',
  body: CounterpartyBody,
  request: {
    to: { counterparty_id: '9fg8a7e4-6d02-40e3-a129-0b2bf89de8uh' },
    value: exampleValue,
    description: 'A description for the transaction to the counterparty',
    charge_policy: 'SHARED',
  },
  errors: ['OBP-40013', 'OBP-30017', 'OBP-30013'],
  tags: pis,
});

export const createTransactionRequestSepa = createVariant({
  type: 'SEPA',
  fn: 'createTransactionRequestSepa',
  summary: 'Create Transaction Request (SEPA)',
  about:
    'Pays from ACCOUNT_ID to the explicit counterparty whose secondary routing address is `to.iban` (the latest one, ' +
    '`OBP-30012`), which must be a beneficiary (`OBP-30013`); `charge_policy` is `SHARED`, `SENDER` or `RECEIVER` (`OBP-40013`).',
  body: SepaBody,
  request: {
    value: exampleValue,
    to: { iban: 'DE89370400440532013000' },
    description: 'This is a SEPA Transaction Request',
    charge_policy: 'SHARED',
  },
  errors: ['OBP-40013', 'OBP-30012', 'OBP-30013'],
  tags: pis,
});

export const createTransactionRequestFreeForm = createVariant({
  type: 'FREE_FORM',
  fn: 'createTransactionRequestFreeForm',
  summary: 'Create Transaction Request (FREE_FORM).',
  about: 'Money leaves ACCOUNT_ID and re-enters it: two transactions, the balance unchanged.',
  body: FreeFormBody,
  request: { value: exampleValue, description: 'This is a FREE_FORM Transaction Request' },
  errors: [],
  tags: ['Transaction-Request', 'Payment Initiation Service (PIS)'],
});
