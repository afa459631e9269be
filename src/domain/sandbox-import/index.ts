/**
 * Sandbox data import (POST /sandbox/data-import, SEMANTICS §13). Nothing may be written unless the
 * whole file is acceptable, so the rules run in two passes before any write: `checkImportFile` (the
 * file on its own) and `checkAgainstExisting` (the file against what the store already holds).
 * `planImport` then maps an accepted file to the records to save. No HTTP and no SQL here: the
 * look-ups and the random ids are passed in.
 */
export type {
  BankDocumentKind,
  SandboxAccount,
  SandboxBank,
  SandboxBankDocument,
  SandboxCrmEvent,
  SandboxImport,
  SandboxTransaction,
  SandboxUser,
} from './file.js';
export { importFailure, ImportRejected, importLimits } from './limits.js';
export { importAmount, isValidEmail, parseImportDate } from './field-rules.js';
export {
  directLoginPasswordProblem,
  importPasswordMaxLength,
  importPasswordProblem,
  notStrongPassword,
} from './password-rules.js';
export { checkImportFile } from './check-file.js';
export { checkAgainstExisting, type ImportLookups } from './check-existing.js';
export { implicitCounterpartyId } from './counterparty-id.js';
export { cryptoRandom, type ImportRandom } from './random.js';
export { importedAccountViews, planImport, type CounterpartyAlias, type ImportOptions, type ImportPlan } from './plan.js';
