/** Access to open data (branches, ATMs, products): public unless the matching `apiOptions.*IsPublic` prop is false. */
import type { Caller } from '../../http/caller.js';
import { hasLicense } from '../../domain/open-data/documents.js';
import { obpError, type ErrorCode } from '../../errors/obp-error.js';
import type { Repositories } from '../../store/index.js';

export function requireOpenDataAccess(caller: Caller, isPublic: boolean): void {
  if (!isPublic && !caller.user) throw obpError('OBP-20001');
}

/** The sentence the docs add to each open-data endpoint. */
export function openDataAccessText(prop: string): string {
  return `Authentication is optional: the data is public unless the server sets ${prop} to false, in which case login is required.`;
}

type OpenDataKind = 'branch' | 'atm' | 'product';

/** The licensed documents of `kind` at an existing bank (OBP-30001 otherwise). */
export async function licensedDocuments(store: Repositories, kind: OpenDataKind, bankId: string): Promise<unknown[]> {
  if (!(await store.banks.exists(bankId))) throw obpError('OBP-30001');
  return (await store.documents.list(kind, bankId)).map((d) => d.document).filter(hasLicense);
}

/** One licensed document at an existing bank; `notFound` when it is missing or has no licence. */
export async function licensedDocument(
  store: Repositories,
  kind: OpenDataKind,
  bankId: string,
  id: string,
  notFound: ErrorCode,
): Promise<unknown> {
  if (!(await store.banks.exists(bankId))) throw obpError('OBP-30001');
  const doc = await store.documents.get(kind, bankId, id);
  if (doc === undefined || !hasLicense(doc)) throw obpError(notFound);
  return doc;
}
