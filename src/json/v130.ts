/** JSON shapes of OBP v1.3.0 (physical cards), as pure functions. */
import type { CardAccount, PhysicalCard } from '../domain/cards/card.js';
import { obpDate } from './dates.js';
import { stringOrNull, viewJson } from './v121.js';

/** PhysicalCardJSON; the account is v1.2.1 AccountJSON. */
export function physicalCardJson(c: PhysicalCard, account: CardAccount) {
  return {
    bank_id: stringOrNull(c.bankId),
    bank_card_number: stringOrNull(c.bankCardNumber),
    name_on_card: stringOrNull(c.nameOnCard),
    issue_number: stringOrNull(c.issueNumber),
    serial_number: stringOrNull(c.serialNumber),
    valid_from_date: obpDate(c.validFrom),
    expires_date: obpDate(c.expires),
    enabled: c.enabled,
    cancelled: c.cancelled,
    on_hot_list: c.onHotList,
    technology: stringOrNull(c.technology),
    networks: c.networks,
    allows: c.allows,
    account: {
      id: account.accountId,
      label: stringOrNull(account.label),
      views_available: account.views.map(viewJson),
      bank_id: account.bankId,
    },
    replacement: { requested_date: obpDate(c.replacement.requestedDate), reason_requested: c.replacement.reason },
    pin_reset: c.pinResets.map((p) => ({ requested_date: obpDate(p.requestedDate), reason_requested: p.reason })),
    collected: obpDate(c.collected),
    posted: obpDate(c.posted),
  };
}
