/**
 * The key consumer secrets are encrypted with. OBP_SECRET_KEY when set; otherwise one the server
 * generates once and keeps: next to the embedded database in a file only its owner may read, or on
 * PostgreSQL in the `server_keys` table (first writer wins, so processes booting together agree).
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { parseSecretKey, secretBox, secretKeyBytes, type SecretBox } from '../domain/auth/secret-box.js';
import type { Database } from './schema.js';

export type SecretKeySource = 'setting' | 'file' | 'database';

export const secretKeyFileName = 'obp-secret.key';
const keyName = 'consumer-secret-key';

function fromText(text: string, where: string): Buffer {
  const key = parseSecretKey(text);
  if (typeof key === 'string') throw new Error(`${where} is not a usable secret key: it ${key}`);
  return key;
}

/** Created with a hard link from a private temporary file: a reader never sees a half-written key. */
function keyFile(dataDir: string): Buffer {
  const path = join(dataDir, secretKeyFileName);
  try {
    return fromText(readFileSync(path, 'utf8'), path);
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') throw err;
  }
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(temporary, randomBytes(secretKeyBytes).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
  } catch (err) {
    if ((err as { code?: string }).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(temporary);
  }
  return fromText(readFileSync(path, 'utf8'), path);
}

async function keyInDatabase(db: Kysely<Database>): Promise<Buffer> {
  await db
    .insertInto('server_keys')
    .values({ name: keyName, value: randomBytes(secretKeyBytes).toString('base64'), created_at: Date.now() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_keys').select('value').where('name', '=', keyName).executeTakeFirstOrThrow();
  return fromText(row.value, 'The key in the server_keys table');
}

export async function resolveSecretKey(
  db: Kysely<Database>,
  options: { secretKey?: Buffer; sqliteFile: string | undefined },
): Promise<{ box: SecretBox; source: SecretKeySource }> {
  if (options.secretKey) return { box: secretBox(options.secretKey), source: 'setting' };
  // the embedded database's file; a throwaway in-memory one keeps its key inside
  if (options.sqliteFile !== undefined) return { box: secretBox(keyFile(dirname(options.sqliteFile))), source: 'file' };
  return { box: secretBox(await keyInDatabase(db)), source: 'database' };
}

/** Rows written before secrets were encrypted, sealed once; a row another process sealed first is left alone. */
export async function encryptPlainSecrets(db: Kysely<Database>, box: SecretBox): Promise<number> {
  const plain = await db
    .selectFrom('consumers')
    .select(['consumer_id', 'consumer_key', 'secret'])
    .where('secret_encrypted', '=', 0)
    .execute();
  for (const row of plain) {
    await db
      .updateTable('consumers')
      .set({ secret: box.seal(row.secret, row.consumer_key), secret_encrypted: 1 })
      .where('consumer_id', '=', row.consumer_id)
      .where('secret_encrypted', '=', 0)
      .execute();
  }
  return plain.length;
}
