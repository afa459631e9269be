/**
 * The sandbox import file, as far as the rules need it (the HTTP schema requires more; bank documents
 * are kept whole), and the helpers that read it the same way in every pass.
 */

export interface SandboxBank {
  id: string;
  short_name: string;
  full_name: string;
  logo: string;
  website: string;
}

export interface SandboxUser {
  email: string;
  password: string;
  user_name: string;
}

export interface SandboxAccount {
  id: string;
  bank: string;
  label: string;
  number: string;
  type: string;
  balance: { currency: string; amount: string };
  IBAN: string;
  owners: string[];
  generate_public_view: boolean;
}

export interface SandboxTransaction {
  id: string;
  this_account: { id: string; bank: string };
  counterparty?: { name?: string | null; account_number?: string | null } | null;
  details: { type: string; description: string; posted: string; completed: string; new_balance: string; value: string };
}

/** Branches, ATMs and CRM events are keyed by `id`, products by `code`. */
export interface SandboxBankDocument {
  bank_id: string;
  id?: string;
  code?: string;
}

export interface SandboxCrmEvent extends SandboxBankDocument {
  id: string;
  actual_date: string;
}

export interface SandboxImport {
  banks: SandboxBank[];
  users: SandboxUser[];
  accounts: SandboxAccount[];
  transactions: SandboxTransaction[];
  branches: (SandboxBankDocument & { id: string })[];
  atms: (SandboxBankDocument & { id: string })[];
  products: (SandboxBankDocument & { code: string })[];
  crm_events: SandboxCrmEvent[];
}

export type BankDocumentKind = 'branch' | 'atm' | 'product' | 'crm_event';

export const arrayNames = ['banks', 'users', 'accounts', 'transactions', 'branches', 'atms', 'products', 'crm_events'] as const;

/** Composite keys of rows, for sets and maps. */
export const key2 = (a: string, b: string) => JSON.stringify([a, b]);
export const key3 = (a: string, b: string, c: string) => JSON.stringify([a, b, c]);

export const documentLabels: Record<BankDocumentKind, { noun: string; key: 'id' | 'code' }> = {
  branch: { noun: 'branch', key: 'id' },
  atm: { noun: 'ATM', key: 'id' },
  product: { noun: 'product', key: 'code' },
  crm_event: { noun: 'CRM event', key: 'id' },
};

export function documentsOf(data: SandboxImport): [BankDocumentKind, SandboxBankDocument[]][] {
  return [
    ['branch', data.branches],
    ['atm', data.atms],
    ['product', data.products],
    ['crm_event', data.crm_events],
  ];
}

export function documentId(kind: BankDocumentKind, doc: SandboxBankDocument): string {
  return (documentLabels[kind].key === 'code' ? doc.code : doc.id) ?? '';
}
