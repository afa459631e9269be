/**
 * The checks and query parameters shared by the docs routes (SEMANTICS §14): API_VERSION, locale,
 * tags/functions/content filters and api-collection-id.
 */
import { lookupApiVersion } from '../../docs/api-version.js';
import type { DocFilters } from '../../docs/resource-docs.js';
import { obpError } from '../../errors/obp-error.js';
import type { ApiVersion } from '../endpoint.js';

const supportedLocales = ['en_GB', 'es_ES'];

export interface DocsQuery {
  filters: DocFilters;
  locale: string | undefined;
  /** OBP's API collections override every other filter; this server has none to look up */
  apiCollectionId: string | undefined;
}

/** Repeated parameters arrive as arrays; OBP reads the first value. */
function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  if (typeof first !== 'string') return undefined;
  const trimmed = first.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** `tags=Account,Bank` → ['Account', 'Bank']; an empty value means "no filter". */
function list(query: Record<string, unknown>, name: string): string[] | undefined {
  const items = (single(query, name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length > 0 ? [...new Set(items)].sort() : undefined;
}

function content(query: Record<string, unknown>): DocFilters['content'] {
  const value = single(query, 'content')?.toLowerCase();
  // unknown values are ignored, as OBP does
  return value === 'static' || value === 'dynamic' ? value : 'all';
}

export function parseDocsQuery(query: Record<string, unknown>): DocsQuery {
  return {
    filters: { tags: list(query, 'tags'), functions: list(query, 'functions'), content: content(query) },
    locale: single(query, 'locale') ?? single(query, 'language'),
    apiCollectionId: single(query, 'api-collection-id'),
  };
}

/** OBP-00027 for a string that is no version, OBP-00008 for an OBP version this server does not serve. */
export function requestedVersion(raw: string, detail: string): ApiVersion {
  const found = lookupApiVersion(raw);
  if (found.kind === 'unknown') throw obpError('OBP-00027', detail);
  if (found.kind === 'not-enabled') throw obpError('OBP-00008', detail);
  return found.version;
}

/** Only English texts exist; es_ES is accepted (as by OBP) and answered in English. */
export function checkLocale(locale: string | undefined): void {
  if (locale !== undefined && !supportedLocales.includes(locale)) {
    throw obpError('OBP-10041', ` Current Locale is ${locale}`);
  }
}
