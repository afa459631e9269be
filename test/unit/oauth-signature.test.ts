import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeSignature, parseOAuthHeader, signatureBaseString, timestampProblem } from '../../src/domain/auth/oauth.js';

describe('OAuth 1.0a signature base string and signatures', () => {
  it('RFC 5849 §3.4.1.1: the example base string (its body parameters sent in the query, as OBP signs no body)', () => {
    const base = signatureBaseString({
      method: 'POST',
      hostname: 'http://EXAMPLE.com',
      url: '/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b&c2&a3=2+q',
      params: {
        oauth_consumer_key: '9djdj82h48djs9d2',
        oauth_token: 'kkk9d7dh3k39sjv7',
        oauth_signature_method: 'HMAC-SHA1',
        oauth_timestamp: '137131201',
        oauth_nonce: '7d8f3e4a',
        oauth_signature: 'bYT5CMsGcbgUdFHObYMEfcx6bsw%3D',
      },
    });
    expect(base).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D' +
        '%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1' +
        '%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
  });

  const photos = {
    method: 'GET',
    hostname: 'http://photos.example.net',
    url: '/photos?file=vacation.jpg&size=original',
    consumerSecret: 'kd94hf93k423kf44',
    tokenSecret: 'pfkkdhi9sl3r4s00',
  };

  it('RFC 5849 §1.2: the photos example gives its HMAC-SHA1 signature', () => {
    const params = {
      oauth_consumer_key: 'dpf43f3p2l4k3l03',
      oauth_token: 'nnch734d00sl2jdk',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: '137131202',
      oauth_nonce: 'chapoH',
    };
    expect(computeSignature({ ...photos, params })).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
  });

  it('OAuth Core 1.0 appendix A.5: the photos example with version and its signature', () => {
    const params = {
      oauth_consumer_key: 'dpf43f3p2l4k3l03',
      oauth_token: 'nnch734d00sl2jdk',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: '1191242096',
      oauth_nonce: 'kllo9940pd9333jh',
      oauth_version: '1.0',
    };
    expect(signatureBaseString({ ...photos, params })).toBe(
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03' +
        '%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096' +
        '%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal',
    );
    expect(computeSignature({ ...photos, params })).toBe('tR3+Ty81lMeYAr/Fid0kMTYa/WM=');
  });

  it('HMAC-SHA256 signs the same base string with SHA-256 and the key consumer&token secrets', () => {
    const params = {
      oauth_consumer_key: 'dpf43f3p2l4k3l03',
      oauth_token: 'nnch734d00sl2jdk',
      oauth_signature_method: 'HMAC-SHA256',
      oauth_timestamp: '1191242096',
      oauth_nonce: 'kllo9940pd9333jh',
    };
    const expected = createHmac('sha256', 'kd94hf93k423kf44&pfkkdhi9sl3r4s00')
      .update(signatureBaseString({ ...photos, params }))
      .digest('base64');
    expect(computeSignature({ ...photos, params })).toBe(expected);
  });

  it('reads the header as OBP does: blanks and quotes dropped, unknown and empty parameters ignored, duplicates noticed', () => {
    expect(parseOAuthHeader('OAuth realm="x", oauth_nonce="a b", oauth_token="", oauth_verifier="v"')).toEqual({
      params: { oauth_nonce: 'ab', oauth_verifier: 'v' },
      duplicated: false,
    });
    expect(parseOAuthHeader('OAuth oauth_nonce="1", oauth_nonce="2"').duplicated).toBe(true);
  });

  it('timestamps: a few minutes either way; OBP texts otherwise', () => {
    const now = 1_700_000_000_000;
    expect(timestampProblem('1700000100', now)).toBeUndefined();
    expect(timestampProblem('1700001000', now)?.message).toBe('oauth_timestamp value: 1700001000 is in and invalid time range');
    expect(timestampProblem('soon', now)?.message).toBe('oauth_timestamp value: soon is invalid');
  });
});
