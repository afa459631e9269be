/** One oracle failure of the fuzz suite, as reported and written by FUZZ_REPORT. */
import type { Claim } from './body-variants.js';

export interface Failure {
  store: 'sqlite' | 'postgres';
  /** body | path | query | raw-target | tables | prototype */
  test: string;
  /** `VERB url (operation id)` */
  endpoint: string;
  operationId: string;
  kind: string;
  /** the body variant's claims (why it is invalid), empty for URL variants */
  claims: Claim[];
  /** what was sent, truncated */
  variant: string;
  /** URL variants: the whole request target */
  target?: string;
  status: number | undefined;
  /** the answer's body, truncated */
  body: string;
  problem: string;
  /** the raw bytes of what was sent contain NUL (a body string or %00 in the URL) */
  nul: boolean;
}
