/**
 * What an imported user's password must be. As in OBP: non-empty and strong (the rule of POST /users).
 * Here also: something DirectLogin can carry, since imported users log in with it at once.
 */
import { loginPasswordProblem } from '../auth/direct-login.js';
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

/** Why a user could not log in with `password` through DirectLogin, or undefined when they can. */
export function directLoginPasswordProblem(password: string): string | undefined {
  const problem = loginPasswordProblem(password);
  return problem && `password ${problem}, so the user could not log in`;
}
