/**
 * Transaction metadata (SEMANTICS §9.3): the narrative is shared by all views; comments, tags,
 * images and the where tag belong to the view they were written through. Pure rules only.
 */
import type { ViewDefinition } from '../views/definitions.js';

export type NoteKind = 'comment' | 'tag' | 'image';

export interface MetadataUser {
  userId: string;
  provider: string;
  displayName: string;
}

export interface TransactionNote {
  noteId: string;
  kind: NoteKind;
  transactionId: string;
  viewId: string;
  user: MetadataUser;
  value: string;
  url: string;
  date: number;
}

export interface WhereTag {
  transactionId: string;
  user: MetadataUser;
  latitude: number;
  longitude: number;
  date: number;
}

/** Metadata of a page of transactions seen through one view, read with one query per table. */
export interface PageMetadata {
  narratives: Map<string, string>;
  notes: Map<string, TransactionNote[]>;
  wheres: Map<string, WhereTag>;
}

/** Latitude within ±90 and longitude within ±180, as finite numbers. */
export function coordinatesPossible(latitude: number, longitude: number): boolean {
  return Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
}

/** An absolute URL with a scheme and host (OBP parses it with java.net.URL). */
export function isAbsoluteUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.host !== '' && /^[a-z][a-z0-9+.-]*:$/i.test(u.protocol);
  } catch {
    return false;
  }
}

/** Who may delete an item: its poster, or anyone on a view with the delete flag (§15 Q6). */
export function mayDelete(view: ViewDefinition, deleteFlag: string, posterId: string, userId: string): boolean {
  return posterId === userId || view.permissions.has(deleteFlag);
}
