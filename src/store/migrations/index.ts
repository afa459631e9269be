import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { up as initial } from './0001-initial.js';
import { up as customViewIsPublic } from './0002-custom-view-is-public.js';
import { up as userCreatedByBoot } from './0003-user-created-by-boot.js';
import { up as customers } from './0004-customers.js';
import { up as cards } from './0005-cards.js';
import { up as oauth } from './0006-oauth.js';
import { up as consumerRegistration } from './0007-consumer-registration.js';
import { up as transactionsPaging } from './0008-transactions-paging.js';
import { up as transactionMetadata } from './0009-transaction-metadata.js';
import { up as explicitCounterpartiesTransactionTypes } from './0010-explicit-counterparties-transaction-types.js';
import { up as payments } from './0011-payments.js';
import { up as transactionDayCounts } from './0012-transaction-day-counts.js';
import { up as counterpartyAliasIndex } from './0013-counterparty-alias-index.js';

/** Numbered, append-only. Each runs once, in order, inside the migrator's lock. */
export const migrations: Record<string, (db: Kysely<unknown>, dialect: Dialect) => Promise<void>> = {
  '0001-initial': initial,
  '0002-custom-view-is-public': customViewIsPublic,
  '0003-user-created-by-boot': userCreatedByBoot,
  '0004-customers': customers,
  '0005-cards': cards,
  '0006-oauth': oauth,
  '0007-consumer-registration': consumerRegistration,
  '0008-transactions-paging': transactionsPaging,
  '0009-transaction-metadata': transactionMetadata,
  '0010-explicit-counterparties-transaction-types': explicitCounterpartiesTransactionTypes,
  '0011-payments': payments,
  '0012-transaction-day-counts': transactionDayCounts,
  '0013-counterparty-alias-index': counterpartyAliasIndex,
};
