/**
 * Table types shared by both SQL dialects. Conventions that keep one implementation portable:
 * booleans are INTEGER 0/1, instants are BIGINT epoch milliseconds, money is BIGINT minor units
 * (read back as bigint on both drivers), JSON documents are TEXT.
 */
import type { Generated } from 'kysely';

export type Int = number | bigint;
type Flag = number | bigint;

export interface BankTable {
  bank_id: string;
  short_name: string;
  full_name: string;
  logo: string;
  website: string;
  national_identifier: string;
  swift_bic: string;
  bank_routing_scheme: string;
  bank_routing_address: string;
  created_at: Int;
}

export interface UserTable {
  user_id: string;
  provider: string;
  provider_id: string;
  username: string;
  email: string;
  first_name: string;
  last_name: string;
  password_hash: string;
  validated: Flag;
  bad_login_attempts: Int;
  locked: Flag;
  deleted: Flag;
  created_at: Int;
  /** created by the server at boot (bootstrap admin, demo data), never through the API */
  created_by_boot: Generated<Flag>;
}

export interface ConsumerTable {
  consumer_id: Generated<Int>;
  consumer_key: string;
  secret: string;
  app_name: string;
  app_type: string;
  description: string;
  developer_email: string;
  redirect_url: string;
  company: string;
  created_by_user_id: string;
  enabled: Flag;
  created_at: Int;
  /** 1: `secret` is sealed with the server's secret key (src/domain/auth/secret-box.ts) */
  secret_encrypted: Generated<Flag>;
}

/** keys the server generated for itself (the secret key on PostgreSQL when OBP_SECRET_KEY is unset) */
export interface ServerKeyTable {
  name: string;
  value: string;
  created_at: Int;
}

/** logins of the HTML pages (consumer registration): a hash of the session id, never the id */
export interface WebSessionTable {
  id_hash: string;
  user_id: string;
  created_at: Int;
  expires_at: Int;
}

export interface TokenTable {
  /** sha-256 of the token: a database leak does not leak usable tokens */
  token_hash: string;
  kind: string;
  user_id: string;
  consumer_id: Int | null;
  created_at: Int;
  expires_at: Int;
  /** OAuth access tokens: the token secret HMAC signatures are made with (null for DirectLogin) */
  secret: Generated<string | null>;
}

/** OAuth 1.0a request tokens, until exchanged for an access token or expired */
export interface OAuthRequestTokenTable {
  token_hash: string;
  secret: string;
  consumer_id: Int;
  /** the URL the user's browser returns to, or `oob` */
  callback: string;
  /** set once, when the user logs in on the authorisation page */
  user_id: string | null;
  verifier_hash: string | null;
  created_at: Int;
  expires_at: Int;
}

/** OAuth nonces seen, per consumer and timestamp (seconds) */
export interface OAuthNonceTable {
  consumer_id: Int;
  timestamp: Int;
  nonce: string;
  created_at: Int;
}

export interface EntitlementTable {
  entitlement_id: string;
  user_id: string;
  bank_id: string;
  role_name: string;
  created_at: Int;
}

export interface AccountTable {
  bank_id: string;
  account_id: string;
  number: string;
  kind: string;
  label: string;
  currency: string;
  balance: Int;
  holder_name: string;
  iban: string;
  swift_bic: string;
  routing_scheme: string;
  routing_address: string;
  created_at: Int;
  /** minor units a payment may take the balance below zero; null: no check (migration 0011) */
  overdraft_limit: Generated<Int | null>;
}

export interface AccountHolderTable {
  bank_id: string;
  account_id: string;
  user_id: string;
}

export interface CustomViewTable {
  bank_id: string;
  account_id: string;
  view_id: string;
  /** the view definition: name, description, is_public, alias, flags (JSON) */
  definition: string;
  /** copy of the definition's is_public, for the account lists */
  is_public: Flag;
}

export interface AccountAccessTable {
  user_id: string;
  bank_id: string;
  account_id: string;
  view_id: string;
}

export interface TransactionTable {
  bank_id: string;
  account_id: string;
  transaction_id: string;
  kind: string;
  description: string;
  currency: string;
  amount: Int;
  new_balance: Int;
  posted_at: Int;
  completed_at: Int;
  counterparty_id: string;
  counterparty_name: string;
  counterparty_account_number: string;
  counterparty_iban: string;
  counterparty_bank_name: string;
  counterparty_kind: string;
}

/** transactions per account and UTC day (migration 0012), kept by triggers on insert */
export interface TransactionDayCountTable {
  bank_id: string;
  account_id: string;
  /** floor(completed_at / 86,400,000) */
  day: Int;
  n: Int;
}

export interface CounterpartyMetadataTable {
  bank_id: string;
  account_id: string;
  counterparty_id: string;
  counterparty_name: string;
  public_alias: string;
  private_alias: string;
  /** more_info, url, image_url, open_corporates_url, locations (JSON) */
  details: string;
}

/**
 * Branches, ATMs, products and CRM events as JSON documents in the import's format (see
 * domain/open-data/documents.ts), imported or written by createBranch/updateBranch (upserts on the key).
 */
export interface BankDocumentTable {
  kind: string;
  bank_id: string;
  doc_id: string;
  document: string;
}

export interface MetricTable {
  metric_id: Generated<Int>;
  date: Int;
  user_id: string;
  user_name: string;
  developer_email: string;
  app_name: string;
  consumer_id: string;
  url: string;
  verb: string;
  implemented_by_partial_function: string;
  implemented_in_version: string;
  correlation_id: string;
  duration: Int;
  status: Int;
}

export interface CardTable {
  card_id: string;
  bank_id: string;
  bank_card_number: string;
  serial_number: string;
  name_on_card: string;
  issue_number: string;
  valid_from: Int;
  expires: Int;
  enabled: Flag;
  cancelled: Flag;
  on_hot_list: Flag;
  technology: string;
  /** JSON array of strings */
  networks: string;
  /** JSON array of card actions */
  allows: string;
  account_id: string;
  replacement_date: Int;
  replacement_reason: string;
  /** JSON array of {requested_date: epoch ms, reason_requested} */
  pin_resets: string;
  collected: Int;
  posted: Int;
  created_at: Int;
}

export interface CustomerTable {
  customer_id: string;
  bank_id: string;
  customer_number: string;
  legal_name: string;
  mobile_phone_number: string;
  email: string;
  face_image_url: string;
  face_image_date: Int;
  date_of_birth: Int;
  relationship_status: string;
  dependants: Int;
  /** JSON array of epoch milliseconds */
  dob_of_dependants: string;
  credit_rating: string;
  credit_source: string;
  credit_limit_currency: string;
  /** an exact decimal string, echoed as posted (OBP keeps the text, not a number) */
  credit_limit_amount: string;
  highest_education_attained: string;
  employment_status: string;
  kyc_status: Flag;
  last_ok_date: Int;
  created_at: Int;
}

export interface UserCustomerLinkTable {
  user_customer_link_id: string;
  user_id: string;
  customer_id: string;
  date_inserted: Int;
  is_active: Flag;
}

/** KYC checks, documents, media and statuses: one row per (customer, kind, id); `details` is the kind's fields (JSON). */
export interface KycRecordTable {
  seq: Generated<Int>;
  kind: string;
  bank_id: string;
  customer_id: string;
  record_id: string;
  customer_number: string;
  details: string;
}

export interface SocialMediaHandleTable {
  seq: Generated<Int>;
  bank_id: string;
  customer_number: string;
  type: string;
  handle: string;
  date_added: Int;
  date_activated: Int;
}

export interface CustomerMessageTable {
  seq: Generated<Int>;
  message_id: string;
  bank_id: string;
  customer_id: string;
  message: string;
  from_department: string;
  from_person: string;
  date: Int;
}

export interface TransactionNarrativeTable {
  bank_id: string;
  account_id: string;
  transaction_id: string;
  narrative: string;
}

/** comments, tags and images (kind), per transaction and view */
export interface TransactionNoteTable {
  note_id: string;
  kind: string;
  bank_id: string;
  account_id: string;
  transaction_id: string;
  view_id: string;
  user_id: string;
  /** comment or tag value, image label */
  value: string;
  /** image URL ('' otherwise) */
  url: string;
  date: Int;
}

export interface TransactionWhereTagTable {
  bank_id: string;
  account_id: string;
  transaction_id: string;
  view_id: string;
  user_id: string;
  latitude: number;
  longitude: number;
  date: Int;
}

/** OBP v2.2.0 explicit counterparties; `bespoke` is the key/value list as JSON */
export interface ExplicitCounterpartyTable {
  counterparty_id: string;
  bank_id: string;
  account_id: string;
  view_id: string;
  created_by_user_id: string;
  name: string;
  description: string;
  other_account_routing_scheme: string;
  other_account_routing_address: string;
  other_account_secondary_routing_scheme: string;
  other_account_secondary_routing_address: string;
  other_bank_routing_scheme: string;
  other_bank_routing_address: string;
  other_branch_routing_scheme: string;
  other_branch_routing_address: string;
  is_beneficiary: Flag;
  bespoke: string;
  created_at: Int;
}

/** A bank's transaction type catalogue; the charge in minor units */
export interface TransactionTypeTable {
  transaction_type_id: string;
  bank_id: string;
  short_code: string;
  summary: string;
  description: string;
  charge_currency: string;
  charge_amount: Int;
  created_at: Int;
}

/** a payment order (OBP §11); money moves when it becomes COMPLETED, in the same database transaction */
export interface TransactionRequestTable {
  transaction_request_id: string;
  type: string;
  bank_id: string;
  account_id: string;
  /** the `details` JSON shown by the API: to_*, value, description */
  details: string;
  currency: string;
  /** minor units of `currency` */
  amount: Int;
  status: string;
  /** the debit transaction's id once COMPLETED, else '' */
  transaction_id: string;
  start_date: Int;
  end_date: Int;
  charge_policy: string;
  charge_summary: string;
  charge_currency: string;
  charge_amount: string;
  /** the account credited: the destination, or a settlement account of the source bank */
  to_bank_id: string;
  to_account_id: string;
  /** minor units taken from the source (its currency is the request's) */
  debit_amount: Int;
  credit_currency: string;
  /** minor units given to the credited account, in its currency */
  credit_amount: Int;
  /** the other party as the debit leg records it (JSON, see domain/payments/ledger.ts) */
  payee: string;
  challenge_id: string;
  challenge_type: string;
  challenge_allowed_attempts: Int;
  challenge_attempts: Int;
  challenge_answer_hash: string;
  challenge_user_id: string;
  challenge_expires_at: Int;
}

/** replayable answers of the payment endpoints, per user, consumer, operation, path and key */
export interface IdempotencyKeyTable {
  user_id: string;
  consumer_id: string;
  operation: string;
  path: string;
  idempotency_key: string;
  request_hash: string;
  /** the JSON body answered */
  response: string;
  created_at: Int;
  expires_at: Int;
}

export interface Database {
  banks: BankTable;
  users: UserTable;
  consumers: ConsumerTable;
  server_keys: ServerKeyTable;
  web_sessions: WebSessionTable;
  tokens: TokenTable;
  oauth_request_tokens: OAuthRequestTokenTable;
  oauth_nonces: OAuthNonceTable;
  entitlements: EntitlementTable;
  accounts: AccountTable;
  account_holders: AccountHolderTable;
  custom_views: CustomViewTable;
  account_access: AccountAccessTable;
  transactions: TransactionTable;
  transaction_day_counts: TransactionDayCountTable;
  counterparty_metadata: CounterpartyMetadataTable;
  bank_documents: BankDocumentTable;
  metrics: MetricTable;
  cards: CardTable;
  customers: CustomerTable;
  user_customer_links: UserCustomerLinkTable;
  kyc_records: KycRecordTable;
  social_media_handles: SocialMediaHandleTable;
  customer_messages: CustomerMessageTable;
  transaction_narratives: TransactionNarrativeTable;
  transaction_notes: TransactionNoteTable;
  transaction_where_tags: TransactionWhereTagTable;
  explicit_counterparties: ExplicitCounterpartyTable;
  transaction_types: TransactionTypeTable;
  transaction_requests: TransactionRequestTable;
  idempotency_keys: IdempotencyKeyTable;
}
