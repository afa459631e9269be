/**
 * Answer Transaction Request Challenge (§11.5). The attempt is counted by one statement before the
 * answer is checked, and the request moves INITIATED → COMPLETED by a compare-and-set in the same
 * database transaction as its payment: however many correct answers arrive at once, one pays.
 */
import { randomUUID } from 'node:crypto';
import { answerMatches, challengeType } from '../../domain/payments/challenge.js';
import { partyOf, post, type Party } from '../../domain/payments/ledger.js';
import { obpError } from '../../errors/obp-error.js';
import { transactionRequestJson } from '../../json/v210.js';
import { endpoint } from '../endpoint.js';
import { authorisedSource, paymentAuthorisation } from './access.js';
import { ChallengeAnswerBody } from './bodies.js';
import { exampleTransactionRequest } from './examples.js';
import { idempotencyDoc, idempotencyOf, idempotentWrite, Refusal, replay } from './idempotency.js';

export const answerTransactionRequestChallenge = endpoint({
  operationId: 'OBPv2.1.0-answerTransactionRequestChallenge',
  verb: 'POST',
  path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transaction-request-types/TRANSACTION_REQUEST_TYPE/transaction-requests/TRANSACTION_REQUEST_ID/challenge',
  summary: 'Answer Transaction Request Challenge',
  description:
    [
      'Answers the challenge `{id, answer}` of an INITIATED transaction request of ACCOUNT_ID; a correct answer makes',
      'the payment and answers 202 with the request, now `COMPLETED`. The sandbox answer is `123`.',
      '',
      'Authorisation as for creating a request. The request must be one of ACCOUNT_ID at BANK_ID (`OBP-40004`), still',
      'INITIATED (`OBP-40011`), of TRANSACTION_REQUEST_TYPE (`OBP-40009`), and `id` its challenge (`OBP-40010`). Every',
      'answer counts as an attempt; a wrong answer, an expired challenge (`transactionRequest.challenge.ttl.seconds`),',
      'attempts used up (`answer_transactionRequest_challenge_allowed_attempts`) or another user than the one who',
      'created the request all answer `OBP-40016`.',
    ].join('\n') + idempotencyDoc,
  tags: ['Transaction-Request', 'Payment Initiation Service (PIS)', 'PSD2'],
  style: 'new',
  auth: 'user',
  roles: paymentAuthorisation,
  errors: [
    'OBP-40018',
    'OBP-30110',
    'OBP-30111',
    'OBP-10001',
    'OBP-30001',
    'OBP-30018',
    'OBP-40002',
    'OBP-40004',
    'OBP-40011',
    'OBP-40009',
    'OBP-40010',
    'OBP-40015',
    'OBP-40016',
    'OBP-40901',
    'OBP-40900',
    'OBP-50000',
  ],
  body: ChallengeAnswerBody,
  example: {
    request: { id: 'be1a183d-b301-4b83-b855-5eeffdd3526f', answer: '123' },
    response: {
      ...exampleTransactionRequest,
      challenge: { id: 'be1a183d-b301-4b83-b855-5eeffdd3526f', allowed_attempts: 3, challenge_type: challengeType },
    },
  },
  successStatus: 202,
  handler: async (ctx) => {
    const { store, config, params, body } = ctx;
    const user = ctx.user();
    const idem = idempotencyOf(
      ctx.request,
      user.userId,
      ctx.caller.consumer?.consumerId,
      'answerTransactionRequestChallenge',
      body,
    );
    const replayed = await replay(store, idem);
    if (replayed !== undefined) return replayed;

    const source = await authorisedSource(store, config.props, user.userId, params);
    const requestId = params.TRANSACTION_REQUEST_ID;
    const tr = await store.transactionRequests.get(requestId);
    // a request is only ever reached through its own account (Q10)
    if (!tr || tr.bank_id !== source.account.bankId || tr.account_id !== source.account.accountId) throw obpError('OBP-40004');
    if (tr.status !== 'INITIATED') {
      // a duplicate of this key that arrived while the first answer was committing
      const answered = await replay(store, idem);
      if (answered !== undefined) return answered;
      throw obpError('OBP-40011');
    }
    if (tr.type !== params.TRANSACTION_REQUEST_TYPE) {
      throw obpError('OBP-40009', ` It should be :'${tr.type}', but current value (${params.TRANSACTION_REQUEST_TYPE}) `);
    }
    if (body.id !== tr.challenge_id) throw obpError('OBP-40010');
    if (tr.challenge_type !== challengeType) throw obpError('OBP-40015');

    const target = await store.accounts.get(tr.to_bank_id, tr.to_account_id);
    if (!target) throw obpError('OBP-30018');
    const details = JSON.parse(tr.details) as { description?: string };
    // The attempt is counted in the transaction that pays, and committed even when the answer is wrong.
    // On PostgreSQL the counting update holds the request's row until commit, so concurrent answers
    // (and duplicates of one Idempotency-Key, which wait on the key first) take turns.
    return idempotentWrite(store, idem, async (tx) => {
      const counted = await tx.transactionRequests.countAttempt(requestId);
      if (!counted) {
        const current = await tx.transactionRequests.get(requestId);
        return new Refusal(obpError(current?.status === 'INITIATED' ? 'OBP-40016' : 'OBP-40011'));
      }
      const now = Date.now();
      if (
        now > Number(counted.challenge_expires_at) ||
        counted.challenge_user_id !== user.userId ||
        !answerMatches(body.answer, counted.challenge_answer_hash)
      ) {
        return new Refusal(obpError('OBP-40016'));
      }
      const debitTransactionId = randomUUID();
      if (!(await tx.transactionRequests.complete(requestId, debitTransactionId, now))) {
        return new Refusal(obpError('OBP-40011'));
      }
      await post(tx, {
        type: tr.type,
        description: details.description ?? '',
        source: source.account,
        sourceCurrency: tr.currency,
        debit: BigInt(tr.debit_amount),
        target,
        targetCurrency: tr.credit_currency,
        credit: BigInt(tr.credit_amount),
        payee: JSON.parse(tr.payee) as Party,
        payer: partyOf(source.account, source.bank),
        at: now,
        debitTransactionId,
      });
      return transactionRequestJson({ ...tr, status: 'COMPLETED', transaction_id: debitTransactionId, end_date: now });
    });
  },
});
