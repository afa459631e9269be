/**
 * Counterparty metadata (SEMANTICS §10): aliases plus the details stored as one JSON column. A value
 * that was never set or was deleted is absent here and renders as null (§1.2).
 */
import { randomBytes } from 'node:crypto';

export interface StoredLocation {
  latitude: number;
  longitude: number;
  date: number;
  userId: string;
  provider: string;
  displayName: string;
}

export interface CounterpartyDetails {
  moreInfo?: string;
  url?: string;
  imageUrl?: string;
  openCorporatesUrl?: string;
  corporateLocation?: StoredLocation;
  physicalLocation?: StoredLocation;
}

export interface CounterpartyMetadata {
  publicAlias: string;
  privateAlias: string;
  details: CounterpartyDetails;
}

export function parseDetails(json: string): CounterpartyDetails {
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null ? v : {};
  } catch {
    return {};
  }
}

/** `ALIAS_` + 6 upper-case hex characters; the store keeps one per counterparty once created. */
export function newPublicAlias(): string {
  return `ALIAS_${randomBytes(3).toString('hex').toUpperCase()}`;
}

/** A public alias not in `taken` (which it joins), extended by hex characters until unique (§10.1). */
export function uniquePublicAlias(taken: Set<string>): string {
  let alias = newPublicAlias();
  while (taken.has(alias)) alias += randomBytes(1).toString('hex').toUpperCase();
  taken.add(alias);
  return alias;
}
