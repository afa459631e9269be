/**
 * `GET /oauth/authorize?oauth_token=…`: the login page naming the application; `POST /oauth/authorize`
 * (a form with `username`, `password`, the hidden `oauth_token` and a CSRF token) binds the request
 * token to the user once and mints a verifier: shown on the page for `oob`, else a 302 to the callback
 * with `oauth_token` and `oauth_verifier`. Errors are OBP's page texts.
 */
import { credentialFields } from '../pages/credentials.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { callbackWithVerifier, randomKey } from '../../domain/auth/oauth.js';
import { tokenHash } from '../../domain/auth/secrets.js';
import { ObpError } from '../../errors/obp-error.js';
import type { Store } from '../../store/index.js';
import { csrfField, csrfTokenValid, issueCsrfToken } from '../pages/csrf.js';
import { acceptForms, formField } from '../pages/form.js';
import { html, page } from '../pages/html.js';
import { sendPage } from '../pages/reply.js';
import { checkPassword } from '../password-login.js';

const title = 'Log in to authorise an application';
const maxFieldLength = 512;

type Found = { token: string; hash: string; appName: string } | { error: string };

async function findRequestToken(store: Store, token: string | undefined): Promise<Found> {
  if (token === undefined || token === '') return { error: 'There is no Token.' };
  const hash = tokenHash(token);
  const found = token.length <= maxFieldLength ? await store.oauth.getRequestToken(hash) : undefined;
  if (!found) return { error: 'This token does not exist' };
  if (found.expiresAt <= Date.now()) return { error: 'Token expired' };
  // a request token is authorised once; its verifier went to the application then
  if (found.userId !== undefined) return { error: 'This token has already been authorised' };
  const consumer = await store.consumers.get(found.consumerId);
  if (!consumer || !consumer.enabled) return { error: 'Application not found' };
  return { token, hash, appName: consumer.appName };
}

function errorPage(reply: FastifyReply, status: number, message: string): FastifyReply {
  return sendPage(
    reply,
    status,
    page(
      title,
      html`<h1>Authorisation failed</h1>
        <p class="error" role="alert">${message}</p>`,
    ),
  );
}

export function registerAuthorizePage(fastify: FastifyInstance, config: Config, store: Store): void {
  const secure = config.hostname.startsWith('https:');

  const loginForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    found: { token: string; appName: string },
    status: number,
    error?: string,
  ) => {
    const csrf = issueCsrfToken(request, reply, found.token, secure);
    const body = html`<h1>Log in to authorise ${found.appName}</h1>
      <p>The application <strong>${found.appName}</strong> asks to use this API on your behalf.</p>
      ${error !== undefined && html`<p class="error" role="alert">${error}</p>`}
      <form method="post" action="/oauth/authorize">
        <input type="hidden" name="oauth_token" value="${found.token}" />
        <input type="hidden" name="${csrfField}" value="${csrf}" />
        ${credentialFields()}
        <button type="submit">Log in and authorise</button>
      </form>`;
    return sendPage(reply, status, page(title, body));
  };

  fastify.register((scope, _options, registered) => {
    acceptForms(scope);
    scope.setErrorHandler((error, _request, reply) => {
      reply.log.error({ err: error }, 'unhandled error');
      return errorPage(reply, 500, 'Something went wrong. Please try again.');
    });

    scope.get('/oauth/authorize', async (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      const found = await findRequestToken(store, query.oauth_token);
      if ('error' in found) return errorPage(reply, 400, found.error);
      return loginForm(request, reply, found, 200);
    });

    scope.post('/oauth/authorize', async (request, reply) => {
      const token = formField(request, 'oauth_token');
      // nothing is looked at (no password checked, no attempt counted) without the page's own token
      if (token === undefined || !csrfTokenValid(request, formField(request, csrfField), token)) {
        return errorPage(
          reply,
          403,
          'This form has expired or was not sent from this page. Please open the authorisation link again.',
        );
      }
      const found = await findRequestToken(store, token);
      if ('error' in found) return errorPage(reply, 400, found.error);
      const username = formField(request, 'username') ?? '';
      const password = formField(request, 'password') ?? '';
      let userId: string;
      try {
        if (username === '' || password === '' || username.length > maxFieldLength || password.length > maxFieldLength) {
          throw new ObpError(401, 'Please enter your username and password.');
        }
        userId = (await checkPassword(store, config, username, password)).userId;
      } catch (err) {
        if (!(err instanceof ObpError)) throw err;
        return loginForm(request, reply, found, 200, err.message);
      }
      const verifier = randomKey();
      const requestToken = await store.oauth.getRequestToken(found.hash);
      if (!requestToken || !(await store.oauth.authorizeRequestToken(found.hash, userId, tokenHash(verifier), Date.now()))) {
        return errorPage(reply, 400, 'This token has already been authorised');
      }
      if (requestToken.callback === 'oob') {
        const body = html`<h1>Application authorised</h1>
          <p>You authorised <strong>${found.appName}</strong>. Enter this verifier in the application:</p>
          <p class="code" id="verifier">${verifier}</p>`;
        return sendPage(reply, 200, page('Application authorised', body));
      }
      return reply
        .code(302)
        .header('Location', callbackWithVerifier(requestToken.callback, token, verifier))
        .header('Cache-Control', 'no-store')
        .send();
    });
    registered();
  });
}
