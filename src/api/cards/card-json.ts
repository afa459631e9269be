/** OBP's example card (endpoints.json), shared by the three card endpoints. */
import { exampleView } from '../accounts/account-detail.js';

const date = '1100-01-01T00:00:00Z';

export const exampleCard = {
  bank_id: 'gh.29.uk',
  bank_card_number: '364435172576215',
  name_on_card: 'String',
  issue_number: '1',
  serial_number: '1324234',
  valid_from_date: date,
  expires_date: date,
  enabled: true,
  cancelled: true,
  on_hot_list: true,
  technology: 'String',
  networks: ['String'],
  allows: ['String'],
  account: { id: '123', label: 'OBP', views_available: [exampleView], bank_id: 'gh.29.uk' },
  replacement: { requested_date: date, reason_requested: 'RENEW' },
  pin_reset: [{ requested_date: date, reason_requested: 'FORGOT' }],
  collected: date,
  posted: date,
};

export const exampleCards = { cards: [exampleCard] };
