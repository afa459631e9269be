/** The HTML of the registration page: the login form, the registration form, the one-time key page. */
import { credentialFields } from '../pages/credentials.js';
import { appTypes, type FieldName, type RegistrationForm } from '../../domain/consumers/registration.js';
import { csrfField } from '../pages/csrf.js';
import { html, type Raw } from '../pages/html.js';

export function loginBody(csrf: string, error?: string): Raw {
  return html`<h1>Register an application</h1>
    <p>Log in to get a consumer key and secret for your application.</p>
    ${error !== undefined && html`<p class="error" role="alert">${error}</p>`}
    <form method="post" action="/consumer-registration/login">
      <input type="hidden" name="${csrfField}" value="${csrf}" />
      ${credentialFields()}
      <button type="submit">Log in</button>
    </form>`;
}

interface FieldSpec {
  name: FieldName;
  label: string;
  input: 'text' | 'email' | 'url' | 'textarea' | 'select';
  required: boolean;
  hint?: string;
}

const fields: readonly FieldSpec[] = [
  { name: 'app-type', label: 'Application type', input: 'select', required: true },
  { name: 'app-name', label: 'Application name', input: 'text', required: true },
  {
    name: 'app-redirect-url',
    label: 'Redirect URL (OAuth callback)',
    input: 'url',
    required: false,
    hint: 'Where OAuth sends the user back after login; leave empty if the application does not use OAuth callbacks.',
  },
  { name: 'app-developer', label: 'Developer e-mail', input: 'email', required: true },
  { name: 'app-description', label: 'Description', input: 'textarea', required: true },
  { name: 'app-company', label: 'Company', input: 'text', required: false },
];

function field(spec: FieldSpec, value: string, error: string | undefined): Raw {
  const id = spec.name;
  const describedBy = [spec.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  const aria = html`${describedBy !== '' && html` aria-describedby="${describedBy}"`}${error !== undefined && html` aria-invalid="true"`}`;
  const required = spec.required ? html` required` : html``;
  const control =
    spec.input === 'select'
      ? html`<select id="${id}" name="${id}" ${required}${aria}>
          ${appTypes.map((t) => html`<option value="${t}" ${value === t && html` selected`}>${t}</option>`)}
        </select>`
      : spec.input === 'textarea'
        ? html`<textarea id="${id}" name="${id}" rows="4" maxlength="2000" ${required}${aria}>${value}</textarea>`
        : html`<input id="${id}" name="${id}" type="${spec.input}" value="${value}" maxlength="255" ${required}${aria} />`;
  return html`<label for="${id}">${spec.label}${spec.required ? '' : ' (optional)'}</label>
    ${spec.hint !== undefined && html`<p id="${id}-hint">${spec.hint}</p>`} ${control}
    ${error !== undefined && html`<p class="field-error" id="${id}-error">${error}</p>`}`;
}

export function registrationBody(o: {
  csrf: string;
  username: string;
  form: RegistrationForm | undefined;
  errors: Partial<Record<FieldName, string>>;
}): Raw {
  const hasErrors = Object.keys(o.errors).length > 0;
  return html`<header>
      <h1>Register an application</h1>
      <form method="post" action="/consumer-registration/logout">
        <input type="hidden" name="${csrfField}" value="${o.csrf}" />
        <button type="submit" class="secondary">Log out ${o.username}</button>
      </form>
    </header>
    ${hasErrors && html`<p class="error" role="alert">Please correct the fields marked below; nothing was registered.</p>`}
    <form method="post" action="/consumer-registration">
      <input type="hidden" name="${csrfField}" value="${o.csrf}" />
      ${fields.map((spec) => field(spec, o.form?.[spec.name] ?? '', o.errors[spec.name]))}
      <button type="submit">Register</button>
    </form>`;
}

export function registeredBody(o: { appName: string; key: string; secret: string; enabled: boolean }): Raw {
  return html`<h1>Application registered</h1>
    <p><strong>${o.appName}</strong> is registered. Copy its consumer key and secret now: the secret is shown only this once.</p>
    <h2>Consumer key</h2>
    <p class="code" id="consumer-key">${o.key}</p>
    <h2>Consumer secret</h2>
    <p class="code" id="consumer-secret">${o.secret}</p>
    ${
      o.enabled
        ? html`<p id="consumer-state">
            The consumer is <strong>enabled</strong>: it can log users in (DirectLogin, OAuth 1.0a) now.
          </p>`
        : html`<p id="consumer-state">
            The consumer is <strong>disabled</strong> until an administrator enables it (this server registers new consumers
            disabled, OBP_CONSUMERS_ENABLED_BY_DEFAULT=false, as OBP does). Give the administrator the consumer key.
          </p>`
    }
    <p><a href="/consumer-registration">Register another application</a> · <a href="/">API Explorer</a></p>`;
}
