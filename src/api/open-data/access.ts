/** Access to open data (branches, ATMs, products): public unless the matching `apiOptions.*IsPublic` prop is false. */
import type { Caller } from '../../http/caller.js';
import { obpError } from '../../errors/obp-error.js';

export function requireOpenDataAccess(caller: Caller, isPublic: boolean): void {
  if (!isPublic && !caller.user) throw obpError('OBP-20001');
}

/** The sentence the docs add to each open-data endpoint. */
export function openDataAccessText(prop: string): string {
  return `Authentication is optional: the data is public unless the server sets ${prop} to false, in which case login is required.`;
}
