import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('has sandbox-friendly defaults and OBP defaults for security trade-offs', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.hostname).toBe('http://localhost:8080');
    expect(c.demo).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.props.allowPublicViews).toBe(false);
    expect(c.props.tokenExpirationWeeks).toBe(4);
    expect(c.props.maxBadLoginAttempts).toBe(5);
  });

  it('open data (apiOptions.get*IsPublic) is public by default, each switchable; other values stop the start', () => {
    expect(loadConfig({}).props).toMatchObject({ getBranchesIsPublic: true, getAtmsIsPublic: true, getProductsIsPublic: true });
    const env = {
      OBP_APIOPTIONS_GETBRANCHESISPUBLIC: 'false',
      OBP_APIOPTIONS_GETATMSISPUBLIC: 'FALSE',
      OBP_APIOPTIONS_GETPRODUCTSISPUBLIC: '0',
    };
    expect(loadConfig(env).props).toMatchObject({
      getBranchesIsPublic: false,
      getAtmsIsPublic: false,
      getProductsIsPublic: false,
    });
    expect(loadConfig({ OBP_APIOPTIONS_GETATMSISPUBLIC: 'false' }).props).toMatchObject({
      getBranchesIsPublic: true,
      getAtmsIsPublic: false,
    });
    expect(() => loadConfig({ OBP_APIOPTIONS_GETBRANCHESISPUBLIC: 'nope' })).toThrow(ConfigError);
  });

  it('reads OBP props as OBP_ + upper-cased prop names', () => {
    const c = loadConfig({
      OBP_ALLOW_SANDBOX_DATA_IMPORT: 'false',
      OBP_ALLOW_PUBLIC_VIEWS: 'true',
      OBP_USER_ACCOUNT_VALIDATED: 'false',
      OBP_TOKEN_EXPIRATION_WEEKS: '2',
      OBP_MAX_BAD_LOGIN_ATTEMPTS: '3',
      OBP_TRANSACTIONREQUESTS_ENABLED: 'false',
      OBP_TRANSACTIONREQUESTS_SUPPORTED_TYPES: 'SANDBOX_TAN, SEPA',
      OBP_TRANSACTIONREQUESTS_CHALLENGE_THRESHOLD_SEPA: '500.50',
      OBP_SUPER_ADMIN_USER_IDS: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1, 0f3b8a5e-2c1d-4e6f-8a9b-1c2d3e4f5a6b',
      OBP_BOOTSTRAP_CONSUMER_KEY: 'key-1',
      OBP_BOOTSTRAP_CONSUMER_SECRET: 'secret',
    });
    expect(c.props).toMatchObject({
      allowSandboxDataImport: false,
      allowPublicViews: true,
      userAccountValidated: false,
      tokenExpirationWeeks: 2,
      maxBadLoginAttempts: 3,
      transactionRequestsEnabled: false,
      transactionRequestsSupportedTypes: ['SANDBOX_TAN', 'SEPA'],
      challengeThresholds: { SEPA: '500.50' },
    });
    expect(c.superAdminUserIds).toEqual(['9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1', '0f3b8a5e-2c1d-4e6f-8a9b-1c2d3e4f5a6b']);
    expect(c.bootstrapConsumer).toEqual({ key: 'key-1', secret: 'secret' });
    expect(c.warnings).toEqual([]);
  });

  it('super admins are user ids; OBP_SUPER_ADMIN_USERNAMES is ignored with a warning, not an error', () => {
    const c = loadConfig({ OBP_SUPER_ADMIN_USERNAMES: 'root, admin' });
    expect(c.superAdminUserIds).toEqual([]);
    expect(c).not.toHaveProperty('superAdminUsernames');
    expect(c.warnings).toEqual([
      expect.stringMatching(/^OBP_SUPER_ADMIN_USERNAMES is ignored: .*OBP_SUPER_ADMIN_USER_IDS.*OBP_BOOTSTRAP_ADMIN_USERNAME/),
    ]);
    // an entry that cannot be a user id is kept (it matches nothing) and named in a warning
    const named = loadConfig({ OBP_SUPER_ADMIN_USER_IDS: 'admin' });
    expect(named.superAdminUserIds).toEqual(['admin']);
    expect(named.warnings).toEqual([expect.stringContaining('"admin", which is not a user id')]);
  });

  it('the bootstrap admin: DirectLogin characters, any loginable password (a weak one is a warning)', () => {
    expect(loadConfig({}).bootstrapAdmin).toBeUndefined();
    const strong = loadConfig({
      OBP_BOOTSTRAP_ADMIN_USERNAME: 'ops admin@example.com',
      OBP_BOOTSTRAP_ADMIN_PASSWORD: 'Ops-Admin-Pass-2026!',
    });
    expect(strong.bootstrapAdmin).toEqual({ username: 'ops admin@example.com', password: 'Ops-Admin-Pass-2026!' });
    expect(strong.warnings).toEqual([]);
    const weak = loadConfig({ OBP_BOOTSTRAP_ADMIN_USERNAME: 'root', OBP_BOOTSTRAP_ADMIN_PASSWORD: 'x' });
    expect(weak.bootstrapAdmin).toEqual({ username: 'root', password: 'x' });
    expect(weak.warnings).toEqual([expect.stringMatching(/^OBP_BOOTSTRAP_ADMIN_PASSWORD is weak/)]);
    const longest = 'a'.repeat(512);
    expect(
      loadConfig({ OBP_BOOTSTRAP_ADMIN_USERNAME: longest, OBP_BOOTSTRAP_ADMIN_PASSWORD: longest }).bootstrapAdmin?.username,
    ).toBe(longest);
  });

  it.each(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent', 'WARN'])('accepts OBP_LOG_LEVEL=%s', (level) => {
    expect(loadConfig({ OBP_LOG_LEVEL: level }).logLevel).toBe(level.toLowerCase());
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ OBP_DEMO: 'maybe' }, /OBP_DEMO/],
    [{ OBP_HOSTNAME: 'not a url' }, /OBP_HOSTNAME/],
    [{ OBP_DATABASE_URL: 'mysql://x' }, /OBP_DATABASE_URL/],
    [{ OBP_BOOTSTRAP_CONSUMER_KEY: 'k' }, /go together/],
    [{ OBP_TRANSACTIONREQUESTS_CHALLENGE_THRESHOLD_SEPA: 'lots' }, /decimal/],
    [
      { OBP_LOG_LEVEL: 'verbose' },
      /^OBP_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"$/,
    ],
    [{ OBP_BOOTSTRAP_ADMIN_USERNAME: 'root' }, /^OBP_BOOTSTRAP_ADMIN_USERNAME and OBP_BOOTSTRAP_ADMIN_PASSWORD go together/],
    [{ OBP_BOOTSTRAP_ADMIN_PASSWORD: 'Secret-Pass-2026!' }, /go together/],
    [
      { OBP_BOOTSTRAP_ADMIN_USERNAME: 'root,admin', OBP_BOOTSTRAP_ADMIN_PASSWORD: 'p' },
      /^OBP_BOOTSTRAP_ADMIN_USERNAME may contain only/,
    ],
    [
      { OBP_BOOTSTRAP_ADMIN_USERNAME: 'rööt', OBP_BOOTSTRAP_ADMIN_PASSWORD: 'p' },
      /^OBP_BOOTSTRAP_ADMIN_USERNAME may contain only/,
    ],
    [{ OBP_BOOTSTRAP_ADMIN_USERNAME: 'a'.repeat(513), OBP_BOOTSTRAP_ADMIN_PASSWORD: 'p' }, /at most 512/],
    [{ OBP_BOOTSTRAP_ADMIN_USERNAME: ' root', OBP_BOOTSTRAP_ADMIN_PASSWORD: 'p' }, /start or end with a space/],
    [
      { OBP_BOOTSTRAP_ADMIN_USERNAME: 'root', OBP_BOOTSTRAP_ADMIN_PASSWORD: 'pässword' },
      /^OBP_BOOTSTRAP_ADMIN_PASSWORD must be printable ASCII/,
    ],
    [{ OBP_BOOTSTRAP_ADMIN_USERNAME: 'root', OBP_BOOTSTRAP_ADMIN_PASSWORD: 'with\ttab' }, /printable ASCII/],
    [{ OBP_BOOTSTRAP_ADMIN_USERNAME: 'root', OBP_BOOTSTRAP_ADMIN_PASSWORD: 'x, password=y' }, /must not contain ", password="/],
    [{ OBP_BOOTSTRAP_ADMIN_USERNAME: 'root', OBP_BOOTSTRAP_ADMIN_PASSWORD: 'b'.repeat(513) }, /at most 512/],
  ])('refuses %o at boot', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
