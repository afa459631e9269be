/**
 * Typed configuration from the environment, validated once at boot.
 * OBP props are read as `OBP_` + upper-cased prop name with `.` → `_`
 * (e.g. `allow_sandbox_data_import` → `OBP_ALLOW_SANDBOX_DATA_IMPORT`).
 */
import { loginPasswordProblem, loginUsernameProblem } from './domain/auth/direct-login.js';
import { parseSecretKey } from './domain/auth/secret-box.js';
import { isStrongPassword } from './domain/auth/secrets.js';

export interface ObpProps {
  allowSandboxDataImport: boolean;
  allowPublicViews: boolean;
  allowAccountFirehose: boolean;
  userAccountValidated: boolean;
  tokenExpirationWeeks: number;
  maxBadLoginAttempts: number;
  consumersEnabledByDefault: boolean;
  directLoginConsumerKeyMandatory: boolean;
  resourceDocsRequiresRole: boolean;
  /** `apiOptions.getBranchesIsPublic` etc.: anonymous callers may read branches, ATMs, products */
  getBranchesIsPublic: boolean;
  getAtmsIsPublic: boolean;
  getProductsIsPublic: boolean;
  /** `apiOptions.getTransactionTypesIsPublic`: anonymous callers may list a bank's transaction types */
  getTransactionTypesIsPublic: boolean;
  transactionRequestsEnabled: boolean;
  transactionRequestsSupportedTypes: string[];
  /** per transaction request type, in the challenge currency; default 1000 */
  challengeThresholds: Record<string, string>;
  /** the currency thresholds are expressed in (OBP's `transactionRequests_challenge_currency`) */
  challengeCurrency: string;
  /** per transaction request type, the charge rate shown (never debited); default 0.0001 */
  chargeLevels: Record<string, string>;
  /** the largest amount of one transaction request, in its currency */
  paymentLimit: string;
  /** answers allowed per challenge */
  challengeAllowedAttempts: number;
  challengeTtlSeconds: number;
  newUserEntitlements: string[];
  hostedBy: { organisation: string; email: string; phone: string; organisation_website: string };
}

export interface Config {
  port: number;
  host: string;
  /** public base URL: links, OAuth signature base, identity provider of local users */
  hostname: string;
  /** OBP_HOSTNAME was set (else hostname is http://localhost:$PORT) */
  hostnameConfigured: boolean;
  /** provider of locally created users: stable across processes and ports, so every process finds them */
  localIdentityProvider: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  workers: number;
  logLevel: LogLevel;
  /** bodies above this are refused (413), except on endpoints that declare a large body */
  bodyLimitBytes: number;
  /** the limit of endpoints that declare a large body (the sandbox import) */
  largeBodyLimitBytes: number;
  /** the whole request (head and body) must arrive within this; slower ones get 408 */
  requestTimeoutMs: number;
  /** OBP's `super_admin_user_ids`: user ids only, never usernames */
  superAdminUserIds: string[];
  bootstrapConsumer: { key: string; secret: string } | undefined;
  /** OBP_SECRET_KEY: encrypts consumer secrets at rest; unset, the store keeps a generated key */
  secretKey: Buffer | undefined;
  /** the API Explorer page at `/` and its own consumer (created at boot if missing); undefined: no page */
  apiExplorer: { consumerKey: string } | undefined;
  /** a local user created at boot if missing, and made a super admin */
  bootstrapAdmin: { username: string; password: string } | undefined;
  /** settings that do not stop the server but deserve a line at boot */
  warnings: string[];
  props: ObpProps;
}

export class ConfigError extends Error {}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

type Env = Record<string, string | undefined>;

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function int(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function list(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined) return fallback;
  return raw
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function str(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

const thresholdPrefix = 'OBP_TRANSACTIONREQUESTS_CHALLENGE_THRESHOLD_';
const chargeLevelPrefix = 'OBP_TRANSACTIONREQUESTS_CHARGE_LEVEL_';

/** `<prefix><TYPE>=<decimal>` variables as a map from TYPE to the decimal text */
function perType(env: Env, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(prefix) && value !== undefined) {
      if (!/^\d+(\.\d+)?$/.test(value.trim())) throw new ConfigError(`${name} must be a decimal amount`);
      out[name.slice(prefix.length)] = value.trim();
    }
  }
  return out;
}

function decimal(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,15}(\.\d{1,10})?$/.test(raw)) throw new ConfigError(`${name} must be a decimal amount, got "${raw}"`);
  return raw;
}

function currency(env: Env, name: string, fallback: string): string {
  const raw = str(env, name, fallback).trim();
  if (!/^[A-Z]{3}$/.test(raw)) throw new ConfigError(`${name} must be a three-letter ISO currency code, got "${raw}"`);
  return raw;
}

function logLevel(env: Env): LogLevel {
  const raw = str(env, 'OBP_LOG_LEVEL', 'info').trim().toLowerCase();
  if (!(logLevels as readonly string[]).includes(raw)) {
    throw new ConfigError(`OBP_LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${env.OBP_LOG_LEVEL}"`);
  }
  return raw as LogLevel;
}

function bootstrapAdmin(env: Env, warnings: string[]): Config['bootstrapAdmin'] {
  const username = env.OBP_BOOTSTRAP_ADMIN_USERNAME ?? '';
  const password = env.OBP_BOOTSTRAP_ADMIN_PASSWORD ?? '';
  if (username === '' && password === '') return undefined;
  if (username === '' || password === '') {
    throw new ConfigError('OBP_BOOTSTRAP_ADMIN_USERNAME and OBP_BOOTSTRAP_ADMIN_PASSWORD go together: set both or neither');
  }
  const usernameProblem = loginUsernameProblem(username);
  if (usernameProblem) throw new ConfigError(`OBP_BOOTSTRAP_ADMIN_USERNAME ${usernameProblem}`);
  if (username.trim() !== username) throw new ConfigError('OBP_BOOTSTRAP_ADMIN_USERNAME must not start or end with a space');
  const passwordProblem = loginPasswordProblem(password);
  if (passwordProblem) throw new ConfigError(`OBP_BOOTSTRAP_ADMIN_PASSWORD ${passwordProblem}`);
  if (!isStrongPassword(password)) {
    warnings.push(
      'OBP_BOOTSTRAP_ADMIN_PASSWORD is weak: use 17 or more characters, or 10 to 16 with a digit, a lower-case and an upper-case letter and a special character',
    );
  }
  return { username, password };
}

function superAdminUserIds(env: Env, warnings: string[]): string[] {
  if ((env.OBP_SUPER_ADMIN_USERNAMES ?? '').trim() !== '') {
    warnings.push(
      'OBP_SUPER_ADMIN_USERNAMES is ignored: list super admins by user id in OBP_SUPER_ADMIN_USER_IDS, or create one with OBP_BOOTSTRAP_ADMIN_USERNAME and OBP_BOOTSTRAP_ADMIN_PASSWORD',
    );
  }
  const ids = list(env, 'OBP_SUPER_ADMIN_USER_IDS', []);
  const notIds = ids.filter((id) => !uuidPattern.test(id));
  if (notIds.length > 0) {
    warnings.push(
      `OBP_SUPER_ADMIN_USER_IDS lists ${notIds.map((id) => `"${id}"`).join(', ')}, which ${notIds.length === 1 ? 'is not a user id' : 'are not user ids'} (user ids are UUIDs; usernames never make a super admin)`,
    );
  }
  return ids;
}

function secretKey(env: Env): Buffer | undefined {
  const raw = env.OBP_SECRET_KEY ?? '';
  if (raw.trim() === '') return undefined;
  const key = parseSecretKey(raw);
  if (typeof key === 'string') throw new ConfigError(`OBP_SECRET_KEY ${key}`);
  return key;
}

function apiExplorer(env: Env): Config['apiExplorer'] {
  if (!bool(env, 'OBP_API_EXPLORER', true)) return undefined;
  const consumerKey = str(env, 'OBP_API_EXPLORER_CONSUMER_KEY', 'obp-api-explorer').trim();
  if (!/^[A-Za-z0-9-]{1,512}$/.test(consumerKey)) {
    throw new ConfigError('OBP_API_EXPLORER_CONSUMER_KEY may only contain letters, digits and "-"');
  }
  return { consumerKey };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function loadConfig(env: Env = process.env): Config {
  const port = int(env, 'PORT', 8080, 0, 65535);
  const host = str(env, 'HOST', '0.0.0.0');
  const hostname = str(env, 'OBP_HOSTNAME', `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+$/.test(hostname)) {
    throw new ConfigError(`OBP_HOSTNAME must be a base URL such as https://api.example.com, got "${hostname}"`);
  }
  const key = env.OBP_BOOTSTRAP_CONSUMER_KEY?.trim();
  const secret = env.OBP_BOOTSTRAP_CONSUMER_SECRET?.trim();
  if ((key && !secret) || (!key && secret)) {
    throw new ConfigError('OBP_BOOTSTRAP_CONSUMER_KEY and OBP_BOOTSTRAP_CONSUMER_SECRET go together');
  }
  if (key && !/^[A-Za-z0-9-]{1,512}$/.test(key)) {
    throw new ConfigError('OBP_BOOTSTRAP_CONSUMER_KEY may only contain letters, digits and "-"');
  }
  const challengeThresholds = perType(env, thresholdPrefix);
  const warnings: string[] = [];
  const databaseUrl = env.OBP_DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('OBP_DATABASE_URL must be a postgres:// URL');
  }
  return {
    port,
    host,
    hostname,
    hostnameConfigured: (env.OBP_HOSTNAME ?? '') !== '',
    localIdentityProvider: str(env, 'OBP_LOCAL_IDENTITY_PROVIDER', env.OBP_HOSTNAME ? hostname : 'http://127.0.0.1:8080'),
    databaseUrl,
    dataDir: str(env, 'OBP_DATA_DIR', './data'),
    demo: bool(env, 'OBP_DEMO', true),
    workers: int(env, 'OBP_WORKERS', 1, 1, 64),
    logLevel: logLevel(env),
    bodyLimitBytes: int(env, 'OBP_BODY_LIMIT_BYTES', 64 * 1024, 1024),
    largeBodyLimitBytes: int(env, 'OBP_LARGE_BODY_LIMIT_BYTES', 16 * 1024 * 1024, 1024),
    requestTimeoutMs: int(env, 'OBP_REQUEST_TIMEOUT_SECONDS', 30, 1, 3600) * 1000,
    superAdminUserIds: superAdminUserIds(env, warnings),
    bootstrapConsumer: key && secret ? { key, secret } : undefined,
    secretKey: secretKey(env),
    apiExplorer: apiExplorer(env),
    bootstrapAdmin: bootstrapAdmin(env, warnings),
    warnings,
    props: {
      // Sandbox-friendly defaults: the import is still guarded by the CanCreateSandbox role.
      allowSandboxDataImport: bool(env, 'OBP_ALLOW_SANDBOX_DATA_IMPORT', true),
      // Security trade-offs keep OBP's defaults.
      allowPublicViews: bool(env, 'OBP_ALLOW_PUBLIC_VIEWS', false),
      allowAccountFirehose: bool(env, 'OBP_ALLOW_ACCOUNT_FIREHOSE', false),
      // There is no e-mail validation flow: self-registered users may log in at once unless this is false.
      userAccountValidated: bool(env, 'OBP_USER_ACCOUNT_VALIDATED', true),
      tokenExpirationWeeks: int(env, 'OBP_TOKEN_EXPIRATION_WEEKS', 4, 0, 520),
      maxBadLoginAttempts: int(env, 'OBP_MAX_BAD_LOGIN_ATTEMPTS', 5, 0, 1000),
      consumersEnabledByDefault: bool(env, 'OBP_CONSUMERS_ENABLED_BY_DEFAULT', false),
      directLoginConsumerKeyMandatory: bool(env, 'OBP_DIRECT_LOGIN_CONSUMER_KEY_MANDATORY', true),
      resourceDocsRequiresRole: bool(env, 'OBP_RESOURCE_DOCS_REQUIRES_ROLE', false),
      // Open data, public by default as in OBP.
      getBranchesIsPublic: bool(env, 'OBP_APIOPTIONS_GETBRANCHESISPUBLIC', true),
      getAtmsIsPublic: bool(env, 'OBP_APIOPTIONS_GETATMSISPUBLIC', true),
      getProductsIsPublic: bool(env, 'OBP_APIOPTIONS_GETPRODUCTSISPUBLIC', true),
      getTransactionTypesIsPublic: bool(env, 'OBP_APIOPTIONS_GETTRANSACTIONTYPESISPUBLIC', true),
      transactionRequestsEnabled: bool(env, 'OBP_TRANSACTIONREQUESTS_ENABLED', true),
      transactionRequestsSupportedTypes: list(env, 'OBP_TRANSACTIONREQUESTS_SUPPORTED_TYPES', [
        'SANDBOX_TAN',
        'COUNTERPARTY',
        'SEPA',
        'FREE_FORM',
      ]),
      challengeThresholds,
      challengeCurrency: currency(env, 'OBP_TRANSACTIONREQUESTS_CHALLENGE_CURRENCY', 'EUR'),
      chargeLevels: perType(env, chargeLevelPrefix),
      paymentLimit: decimal(env, 'OBP_TRANSACTIONREQUESTS_PAYMENT_LIMIT', '100000'),
      challengeAllowedAttempts: int(env, 'OBP_ANSWER_TRANSACTIONREQUEST_CHALLENGE_ALLOWED_ATTEMPTS', 3, 1, 1000),
      challengeTtlSeconds: int(env, 'OBP_TRANSACTIONREQUEST_CHALLENGE_TTL_SECONDS', 600, 1, 31_536_000),
      newUserEntitlements: list(env, 'OBP_NEW_USER_ENTITLEMENT_LIST', []),
      hostedBy: {
        organisation: str(env, 'OBP_HOSTED_BY_ORGANISATION', 'obp-ts'),
        email: str(env, 'OBP_HOSTED_BY_EMAIL', 'contact@example.com'),
        phone: str(env, 'OBP_HOSTED_BY_PHONE', ''),
        organisation_website: str(env, 'OBP_ORGANISATION_WEBSITE', 'https://www.openbankproject.com'),
      },
    },
  };
}
