/**
 * What an imported user's password must be. As in OBP: non-empty and strong (the rule of POST /users).
 * Here also: something DirectLogin can carry, since imported users log in with it at once.
 */
import { isStrongPassword } from '../auth/secrets.js';

export const importPasswordMaxLength = 512;

export const notStrongPassword =
  'password is not strong (use 10 to 16 characters with a digit, a lower-case letter, an upper-case letter ' +
  'and a special character, or 17 to 512 characters)';

/** Why an imported user's password is refused, or undefined when it is accepted. */
export function importPasswordProblem(password: string): string | undefined {
  if (password === '') return 'password must not be empty';
  if (password.length > importPasswordMaxLength) {
    return `password is longer than ${importPasswordMaxLength} characters`;
  }
  const unloginable = directLoginPasswordProblem(password);
  if (unloginable !== undefined) return unloginable;
  if (!isStrongPassword(password)) return notStrongPassword;
  return undefined;
}

/** What the DirectLogin header parser accepts in a password: printable ASCII without `[` and `]`. */
const loginablePassword = /^[\x20-\x5A\x5C\x5E-\x7E]+$/;

/**
 * Why a user could not log in with `password` through DirectLogin (src/domain/auth/direct-login.ts),
 * or undefined when they can. It follows what that parser accepts, and changes with it.
 */
export function directLoginPasswordProblem(password: string): string | undefined {
  if (!loginablePassword.test(password)) {
    return 'password may contain only printable ASCII characters other than "[" and "]" (those DirectLogin accepts)';
  }
  if (/[,"]/.test(password)) {
    return `password must not contain "," or '"': DirectLogin uses them to separate and quote its parameters, so the user could not log in`;
  }
  return undefined;
}
