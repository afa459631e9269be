/**
 * `/consumer-registration`: a logged-in user registers an application and is shown its consumer key
 * and secret once. Logging in (`POST /consumer-registration/login`) goes through the one password check
 * of every login (attempts counted per username); every form carries a CSRF token bound to what it acts
 * on (the login form, or the session), checked before anything else is done.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { randomKey } from '../../domain/auth/oauth.js';
import { fieldNames, validateRegistration, type FieldName, type RegistrationForm } from '../../domain/consumers/registration.js';
import { ObpError } from '../../errors/obp-error.js';
import type { Store } from '../../store/index.js';
import { csrfField, csrfTokenValid, issueCsrfToken } from '../pages/csrf.js';
import { acceptForms, formField } from '../pages/form.js';
import { html, page } from '../pages/html.js';
import { sendPage } from '../pages/reply.js';
import { checkPassword } from '../password-login.js';
import { currentSession, endSession, startSession, type Session } from './session.js';
import { loginBody, registrationBody, registeredBody } from './views.js';

const path = '/consumer-registration';
const loginBinding = 'consumer-registration-login';
const sessionBinding = (session: Session) => `consumer-registration-session:${session.idHash}`;
const maxLoginFieldLength = 512;
const title = 'Register an application';

export function registerConsumerRegistration(fastify: FastifyInstance, config: Config, store: Store): void {
  const secure = config.hostname.startsWith('https:');
  // A developer registers to start at once: the consumer is enabled. (OBP_CONSUMERS_ENABLED_BY_DEFAULT
  // is what a redirect-URL change sets, OBP's re-approval step; an admin can still disable a consumer.)
  const enabled = true;

  const loginPage = (request: FastifyRequest, reply: FastifyReply, status: number, error?: string) =>
    sendPage(reply, status, page(title, loginBody(issueCsrfToken(request, reply, loginBinding, secure), error)));

  const registrationPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    session: Session,
    status: number,
    form?: RegistrationForm,
    errors: Partial<Record<FieldName, string>> = {},
  ) => {
    const user = await store.users.get(session.userId);
    const csrf = issueCsrfToken(request, reply, sessionBinding(session), secure);
    return sendPage(reply, status, page(title, registrationBody({ csrf, username: user?.username ?? '', form, errors })));
  };

  const refused = (reply: FastifyReply) =>
    sendPage(
      reply,
      403,
      page(
        title,
        html`<h1>${title}</h1>
          <p class="error" role="alert">This form has expired or was not sent from this page. Please open it again.</p>
          <p><a href="${path}">Back to the registration page</a></p>`,
      ),
    );

  fastify.register((scope, _options, registered) => {
    acceptForms(scope);
    scope.setErrorHandler((error, _request, reply) => {
      reply.log.error({ err: error }, 'unhandled error');
      return sendPage(reply, 500, page(title, html`<p class="error" role="alert">Something went wrong. Please try again.</p>`));
    });

    scope.get(path, async (request, reply) => {
      const session = await currentSession(store, request);
      return session ? registrationPage(request, reply, session, 200) : loginPage(request, reply, 200);
    });

    scope.post(`${path}/login`, async (request, reply) => {
      // nothing is looked at (no password checked, no attempt counted) without the page's own token
      if (!csrfTokenValid(request, formField(request, csrfField), loginBinding)) return refused(reply);
      const username = formField(request, 'username') ?? '';
      const password = formField(request, 'password') ?? '';
      let userId: string;
      try {
        if (
          username === '' ||
          password === '' ||
          username.length > maxLoginFieldLength ||
          password.length > maxLoginFieldLength
        ) {
          throw new ObpError(401, 'Please enter your username and password.');
        }
        userId = (await checkPassword(store, config, username, password)).userId;
      } catch (err) {
        if (!(err instanceof ObpError)) throw err;
        return loginPage(request, reply, 200, err.message);
      }
      await startSession(store, reply, userId, secure);
      return reply.code(303).header('Location', path).header('Cache-Control', 'no-store').send();
    });

    scope.post(`${path}/logout`, async (request, reply) => {
      const session = await currentSession(store, request);
      if (!session) return reply.code(303).header('Location', path).send();
      if (!csrfTokenValid(request, formField(request, csrfField), sessionBinding(session))) return refused(reply);
      await endSession(store, reply, session, secure);
      return reply.code(303).header('Location', path).header('Cache-Control', 'no-store').send();
    });

    scope.post(path, async (request, reply) => {
      const session = await currentSession(store, request);
      if (!session) return loginPage(request, reply, 401, 'Your session has ended. Please log in again.');
      if (!csrfTokenValid(request, formField(request, csrfField), sessionBinding(session))) return refused(reply);
      const form = Object.fromEntries(
        fieldNames.map((name) => [name, formField(request, name) ?? '']),
      ) as unknown as RegistrationForm;
      const checked = validateRegistration(form);
      if ('errors' in checked) return registrationPage(request, reply, session, 400, form, checked.errors);
      const user = await store.users.get(session.userId);
      if (!user || user.locked) {
        await endSession(store, reply, session, secure);
        return loginPage(request, reply, 401, 'Your session has ended. Please log in again.');
      }
      const key = randomKey().toLowerCase();
      const secret = randomKey();
      const app = checked.application;
      await store.consumers.insert({
        key,
        secret,
        appName: app.appName,
        appType: app.appType,
        description: app.description,
        developerEmail: app.developerEmail,
        redirectUrl: app.redirectUrl,
        company: app.company,
        createdByUserId: user.userId,
        enabled,
      });
      return sendPage(reply, 201, page('Application registered', registeredBody({ appName: app.appName, key, secret, enabled })));
    });
    registered();
  });
}
