/** The username and password inputs of every login form (OAuth authorisation, consumer registration). */
import { html, type Raw } from './html.js';

export function credentialFields(): Raw {
  return html`<label for="username">Username</label>
    <input
      id="username"
      name="username"
      autocomplete="username"
      required
      maxlength="512"
      autocapitalize="none"
      spellcheck="false"
    />
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="512" />`;
}
