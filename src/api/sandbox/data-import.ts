import { hashPassword } from '../../domain/auth/secrets.js';
import { dataImportExample } from './data-import-example.js';
import {
  checkAgainstExisting,
  checkImportFile,
  importFailure,
  ImportRejected,
  importLimits,
  planImport,
  type ImportPlan,
} from '../../domain/sandbox-import/index.js';
import { obpError, plainError } from '../../errors/obp-error.js';
import type { Repositories } from '../../store/index.js';
import { isWriteConflict } from '../../store/repos/sandbox-import.js';
import { endpoint } from '../endpoint.js';
import { sandboxImportSchema } from './data-import-schema.js';

const operationId = 'OBPv2.1.0-sandboxDataImport';

/**
 * scrypt runs on libuv's small thread pool; hashing a few at a time leaves room for the logins and
 * file work of other requests while a large import is being prepared.
 */
async function hashPasswords(passwords: readonly string[], concurrency = 2): Promise<string[]> {
  const hashes = new Array<string>(passwords.length);
  let next = 0;
  const worker = async () => {
    while (next < passwords.length) {
      const i = next++;
      hashes[i] = await hashPassword(passwords[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, passwords.length) }, worker));
  return hashes;
}

async function save(tx: Repositories, plan: ImportPlan, hashes: readonly string[]): Promise<void> {
  for (const bank of plan.banks) await tx.banks.insert(bank);
  for (const [i, { user }] of plan.users.entries()) await tx.users.insert({ ...user, passwordHash: hashes[i]! });
  for (const account of plan.accounts) await tx.accounts.insert(account);
  await tx.sandboxImport.addHolders(plan.holders);
  await tx.sandboxImport.grantViews(plan.grants);
  for (const v of plan.customViews) await tx.access.saveCustomView(v.bankId, v.accountId, v.viewId, v.definition);
  await tx.transactions.insertMany(plan.transactions);
  await tx.sandboxImport.addCounterpartyAliases(plan.counterparties);
  for (const kind of ['branch', 'atm', 'product', 'crm_event'] as const) {
    await tx.documents.insertMany(
      kind,
      plan.documents.filter((d) => d.kind === kind),
    );
  }
}

export const sandboxDataImport = endpoint({
  operationId,
  verb: 'POST',
  path: '/sandbox/data-import',
  summary: 'Create sandbox',
  description: `Import banks, users, accounts, transactions, branches, ATMs, products and CRM events in one request.

Requires the system role \`CanCreateSandbox\` and the instance setting \`allow_sandbox_data_import\` (otherwise 403 \`OBP-00002\`).

All eight arrays are required and may be empty. The whole file is checked first; if any rule fails nothing is written and the answer is 400 \`${importFailure}: <the rule that failed>\`. The rules:

* banks: id non-empty, made of letters, digits, \`-\`, \`_\`, \`.\`; unique in the file; not existing.
* users: \`user_name\` non-empty, unique in the file, not an existing local user; password non-empty and strong, as for \`POST /users\` (10 to 16 characters with a digit, a lower-case letter, an upper-case letter and a special character, or 17 to 512 characters), and one DirectLogin can carry: printable ASCII except \`[\`, \`]\`, \`,\` and \`"\`; valid email. At most ${importLimits.users} users per import.
* accounts: bank among the imported banks; id non-empty (same characters as bank ids); (bank, id) and (bank, number) unique and not existing; IBAN (when given) unique among the file's accounts of the same bank and not used by an existing account at that bank; at least one owner, every owner an imported \`user_name\`; ISO 4217 currency; decimal balance.
* transactions: account among the imported accounts; id non-empty and unique per account, not existing; \`value\` and \`new_balance\` decimals; \`posted\` and \`completed\` as \`yyyy-MM-ddTHH:mm:ss.SSSZ\`.
* branches, ATMs, CRM events (by \`id\`) and products (by \`code\`): key non-empty, unique per bank, not existing; bank imported or existing; CRM \`actual_date\` as \`yyyy-MM-ddTHH:mm:ss.SSSZ\`.
* at most ${importLimits.rowsPerArray} rows per array, texts of at most ${importLimits.textLength} characters.

Effects: users are validated and can log in at once with their password; every owner becomes an account holder and gets the non-public system views (owner, accountant, auditor, the UK and Berlin Group account views, and firehose when \`allow_account_firehose\` is on). \`generate_public_view\` creates the custom \`_public\` view when \`allow_public_views\` is on. Transactions are stored as given (the account balance is not recomputed); a counterparty without a name gets a generated \`unknown_<uuid>\` name, shared by counterparties with the same account number.`,
  tags: ['Sandbox'],
  style: 'new',
  auth: 'user',
  roles: { anyOf: [['CanCreateSandbox']], check: 'handler', condition: 'checked after allow_sandbox_data_import' },
  errors: ['OBP-10001', 'OBP-00002', importFailure, 'OBP-50000'],
  body: sandboxImportSchema,
  bodyLimit: 'large',
  example: { request: dataImportExample, response: { success: 'Success' } },
  successStatus: 201,
  handler: async (ctx) => {
    const { body, config, store } = ctx;
    if (!config.props.allowSandboxDataImport) throw obpError('OBP-00002');
    await ctx.requireRoles();
    const provider = config.localIdentityProvider;
    try {
      checkImportFile(body);
      await checkAgainstExisting(body, store.sandboxImport, provider);
      const plan = planImport(body, {
        provider,
        allowPublicViews: config.props.allowPublicViews,
        allowAccountFirehose: config.props.allowAccountFirehose,
      });
      const hashes = await hashPasswords(plan.users.map((u) => u.password));
      await store.transaction(async (tx) => {
        // Hashing took a while: look again inside the transaction before writing.
        await checkAgainstExisting(body, tx.sandboxImport, provider);
        await save(tx, plan, hashes);
      });
    } catch (err) {
      if (err instanceof ImportRejected) throw plainError(400, err.message);
      if (isWriteConflict(err))
        throw plainError(400, `${importFailure}: some of its data was created by another request meanwhile`);
      throw err;
    }
    return { success: 'Success' };
  },
});
