import type { Endpoint } from '../endpoint.js';
import { createCustomer } from './create-customer.js';
import { getCustomersForCurrentUserAtBank, getCustomersForUser } from './customer-lists.js';
import { addCustomerMessage, getCustomersMessages } from './messages.js';
import { addSocialMediaHandle, getSocialMediaHandles } from './social-media.js';
import { createUserCustomerLinks } from './user-customer-links.js';

export const customersEndpoints: readonly Endpoint[] = [
  createCustomer,
  getCustomersForCurrentUserAtBank,
  getCustomersForUser,
  createUserCustomerLinks,
  addSocialMediaHandle,
  getSocialMediaHandles,
  getCustomersMessages,
  addCustomerMessage,
];
