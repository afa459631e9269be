import type { Endpoint } from '../endpoint.js';
import { addCardsForBank } from './add-card.js';
import { getCards, getCardsForBank } from './get-cards.js';

export const cardsEndpoints: readonly Endpoint[] = [getCards, getCardsForBank, addCardsForBank];
