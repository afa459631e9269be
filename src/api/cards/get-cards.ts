import { cardsOfUser } from '../../domain/cards/listing.js';
import { obpError } from '../../errors/obp-error.js';
import { physicalCardJson } from '../../json/v130.js';
import { endpoint } from '../endpoint.js';
import { exampleCards } from './card-json.js';

export const getCards = endpoint({
  operationId: 'OBPv1.3.0-getCards',
  verb: 'GET',
  path: '/cards',
  summary: 'Get cards for the current user',
  description: [
    'Returns data about all the physical cards a user has been issued. These could be debit cards, credit cards, etc.',
    '',
    'The cards listed are those linked to the accounts the user can access privately (holds a private view on), at every bank.',
    '',
    'Authentication is required.',
  ].join('\n'),
  tags: ['Card'],
  style: 'new',
  auth: 'user',
  errors: ['OBP-50000'],
  example: { response: exampleCards },
  successStatus: 200,
  handler: async (ctx) => {
    const listed = await cardsOfUser(ctx.store, ctx.user().userId);
    return { cards: listed.map((l) => physicalCardJson(l.card, l.account)) };
  },
});

export const getCardsForBank = endpoint({
  operationId: 'OBPv1.3.0-getCardsForBank',
  verb: 'GET',
  path: '/banks/BANK_ID/cards',
  summary: 'Get cards for the specified bank',
  description: [
    'Returns the physical cards at the bank specified by BANK_ID that are linked to the accounts the user can access',
    'privately (holds a private view on) at that bank.',
    '',
    'Authentication is required.',
  ].join('\n'),
  tags: ['Card', 'Old-Style'],
  style: 'old',
  auth: 'user',
  errors: ['OBP-30001', 'OBP-50000'],
  example: { response: exampleCards },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, params } = ctx;
    const { userId } = ctx.user();
    if (!(await store.banks.exists(params.BANK_ID))) throw obpError('OBP-30001');
    const listed = await cardsOfUser(store, userId, params.BANK_ID);
    return { cards: listed.map((l) => physicalCardJson(l.card, l.account)) };
  },
});
