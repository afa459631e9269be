/**
 * Typed configuration from the environment, validated once at boot.
 * OBP props are read as `OBP_` + upper-cased prop name with `.` → `_`
 * (e.g. `allow_sandbox_data_import` → `OBP_ALLOW_SANDBOX_DATA_IMPORT`).
 */
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
  transactionRequestsEnabled: boolean;
  transactionRequestsSupportedTypes: string[];
  /** per transaction request type, in the challenge currency; default 1000 */
  challengeThresholds: Record<string, string>;
  newUserEntitlements: string[];
  hostedBy: { organisation: string; email: string; phone: string; organisation_website: string };
}

export interface Config {
  port: number;
  host: string;
  /** public base URL: links, OAuth signature base, identity provider of local users */
  hostname: string;
  /** provider of locally created users: stable across processes and ports, so every process finds them */
  localIdentityProvider: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  workers: number;
  logLevel: string;
  /** bodies above this are refused (413), except on endpoints that declare a large body */
  bodyLimitBytes: number;
  /** the limit of endpoints that declare a large body (the sandbox import) */
  largeBodyLimitBytes: number;
  /** the whole request (head and body) must arrive within this; slower ones get 408 */
  requestTimeoutMs: number;
  superAdminUsernames: string[];
  bootstrapConsumer: { key: string; secret: string } | undefined;
  props: ObpProps;
}

export class ConfigError extends Error {}

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
  const challengeThresholds: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(thresholdPrefix) && value !== undefined) {
      if (!/^\d+(\.\d+)?$/.test(value.trim())) throw new ConfigError(`${name} must be a decimal amount`);
      challengeThresholds[name.slice(thresholdPrefix.length)] = value.trim();
    }
  }
  const databaseUrl = env.OBP_DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('OBP_DATABASE_URL must be a postgres:// URL');
  }
  return {
    port,
    host,
    hostname,
    localIdentityProvider: str(env, 'OBP_LOCAL_IDENTITY_PROVIDER', env.OBP_HOSTNAME ? hostname : 'http://127.0.0.1:8080'),
    databaseUrl,
    dataDir: str(env, 'OBP_DATA_DIR', './data'),
    demo: bool(env, 'OBP_DEMO', true),
    workers: int(env, 'OBP_WORKERS', 1, 1, 64),
    logLevel: str(env, 'OBP_LOG_LEVEL', 'info'),
    bodyLimitBytes: int(env, 'OBP_BODY_LIMIT_BYTES', 64 * 1024, 1024),
    largeBodyLimitBytes: int(env, 'OBP_LARGE_BODY_LIMIT_BYTES', 16 * 1024 * 1024, 1024),
    requestTimeoutMs: int(env, 'OBP_REQUEST_TIMEOUT_SECONDS', 30, 1, 3600) * 1000,
    superAdminUsernames: list(env, 'OBP_SUPER_ADMIN_USERNAMES', []),
    bootstrapConsumer: key && secret ? { key, secret } : undefined,
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
      transactionRequestsEnabled: bool(env, 'OBP_TRANSACTIONREQUESTS_ENABLED', true),
      transactionRequestsSupportedTypes: list(env, 'OBP_TRANSACTIONREQUESTS_SUPPORTED_TYPES', [
        'SANDBOX_TAN',
        'SEPA',
        'COUNTERPARTY',
        'FREE_FORM',
      ]),
      challengeThresholds,
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
