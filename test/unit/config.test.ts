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
      OBP_SUPER_ADMIN_USERNAMES: 'root, admin',
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
    expect(c.superAdminUsernames).toEqual(['root', 'admin']);
    expect(c.bootstrapConsumer).toEqual({ key: 'key-1', secret: 'secret' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ OBP_DEMO: 'maybe' }, /OBP_DEMO/],
    [{ OBP_HOSTNAME: 'not a url' }, /OBP_HOSTNAME/],
    [{ OBP_DATABASE_URL: 'mysql://x' }, /OBP_DATABASE_URL/],
    [{ OBP_BOOTSTRAP_CONSUMER_KEY: 'k' }, /go together/],
    [{ OBP_TRANSACTIONREQUESTS_CHALLENGE_THRESHOLD_SEPA: 'lots' }, /decimal/],
  ])('refuses %o at boot', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
