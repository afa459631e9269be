import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { checkAllows, checkIssueNumber, pinResetReason, replacementReason, type PhysicalCard } from '../../domain/cards/card.js';
import { cardAccount } from '../../domain/cards/listing.js';
import { obpError } from '../../errors/obp-error.js';
import { parseObpDate } from '../../json/dates.js';
import { physicalCardJson } from '../../json/v130.js';
import { endpoint } from '../endpoint.js';
import { exampleCard } from './card-json.js';

// OBP's columns hold at most 255 characters; longer values are refused rather than truncated
const text = Type.String({ maxLength: 255 });
const texts = Type.Array(text, { maxItems: 64 });
const reasonAt = Type.Object({ requested_date: text, reason_requested: text });

const PostPhysicalCardBody = Type.Object({
  bank_card_number: text,
  name_on_card: text,
  issue_number: text,
  serial_number: text,
  valid_from_date: text,
  expires_date: text,
  enabled: Type.Boolean(),
  technology: text,
  networks: texts,
  allows: texts,
  account_id: text,
  replacement: reasonAt,
  pin_reset: Type.Array(reasonAt, { maxItems: 64 }),
  collected: text,
  posted: text,
});

/** OBP reads the dates while extracting the body, so a bad one fails as the body does. */
function bodyDate(value: string): number {
  const ms = parseObpDate(value);
  if (ms === undefined) throw obpError('OBP-10001', ' The Json body should be the PostPhysicalCardJSON ');
  return ms;
}

export const addCardsForBank = endpoint({
  operationId: 'OBPv2.1.0-addCardsForBank',
  verb: 'POST',
  path: '/banks/BANK_ID/cards',
  summary: 'Create Card',
  description: [
    'Create Card at bank specified by BANK_ID, linked to the account `account_id` at that bank.',
    '',
    "Dates are `yyyy-MM-dd'T'HH:mm:ss'Z'` (UTC). `issue_number` has at most 10 characters. `allows` takes",
    '`credit`, `debit` and `cash_withdrawal`; `replacement.reason_requested` one of `FIRST`, `LOST`, `STOLEN`, `RENEW`;',
    '`pin_reset[].reason_requested` one of `FORGOT`, `GOOD_SECURITY_PRACTICE`. A new card is neither cancelled nor',
    'on the hot list. The bank may hold one card per number and serial number (OBP-30060 otherwise).',
    '',
    'Authentication is required; the CanCreateCardsForBank entitlement is required at BANK_ID.',
  ].join('\n'),
  tags: ['Card'],
  style: 'new',
  auth: 'user',
  roles: { anyOf: [['CanCreateCardsForBank']], check: 'auto' },
  errors: ['OBP-10001', 'OBP-10012', 'OBP-10015', 'OBP-30018', 'OBP-30060', 'OBP-50000'],
  body: PostPhysicalCardBody,
  example: {
    request: {
      bank_card_number: '364435172576215',
      name_on_card: 'name_on_card',
      issue_number: '1',
      serial_number: '1324234',
      valid_from_date: '1100-01-01T00:00:00Z',
      expires_date: '1100-01-01T00:00:00Z',
      enabled: true,
      technology: 'technology',
      networks: ['network1', 'network2'],
      allows: ['credit', 'debit'],
      account_id: '8ca8a7e4-6d02-40e3-a129-0b2bf89de9f0',
      replacement: { requested_date: '1100-01-01T00:00:00Z', reason_requested: 'RENEW' },
      pin_reset: [
        { requested_date: '1100-01-01T00:00:00Z', reason_requested: 'FORGOT' },
        { requested_date: '2024-10-16T00:00:00Z', reason_requested: 'GOOD_SECURITY_PRACTICE' },
      ],
      collected: '1100-01-01T00:00:00Z',
      posted: '1100-01-01T00:00:00Z',
    },
    response: exampleCard,
  },
  successStatus: 201,
  handler: async (ctx) => {
    const { store, body } = ctx;
    const bankId = ctx.params.BANK_ID;
    const validFrom = bodyDate(body.valid_from_date);
    const expires = bodyDate(body.expires_date);
    const replacementDate = bodyDate(body.replacement.requested_date);
    const pinResetDates = body.pin_reset.map((p) => bodyDate(p.requested_date));
    const collected = bodyDate(body.collected);
    const posted = bodyDate(body.posted);
    checkIssueNumber(body.issue_number);
    checkAllows(body.allows);
    const replacement = { requestedDate: replacementDate, reason: replacementReason(body.replacement.reason_requested) };
    // OBP fails on a bad PIN-reset reason only while writing (an internal error); it is refused here
    const pinResets = body.pin_reset.map((p, i) => ({
      requestedDate: pinResetDates[i]!,
      reason: pinResetReason(p.reason_requested),
    }));

    const account = await cardAccount(store, { bankId, accountId: body.account_id });
    if (!account) {
      throw obpError('OBP-30018', ` Current BankId is ${bankId} and Current AccountId is ${body.account_id}`, 404);
    }
    const card: PhysicalCard = {
      cardId: randomUUID(),
      bankId,
      bankCardNumber: body.bank_card_number,
      nameOnCard: body.name_on_card,
      issueNumber: body.issue_number,
      serialNumber: body.serial_number,
      validFrom,
      expires,
      enabled: body.enabled,
      cancelled: false,
      onHotList: false,
      technology: body.technology,
      networks: body.networks,
      allows: body.allows,
      accountId: account.accountId,
      replacement,
      pinResets,
      collected,
      posted,
    };
    if (!(await store.cards.insert(card))) {
      throw obpError(
        'OBP-30060',
        ` Current BankId(${bankId}), bankCardNumber(${card.bankCardNumber}) and serialNumber(${card.serialNumber})`,
      );
    }
    return physicalCardJson(card, account);
  },
});
