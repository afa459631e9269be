/** What an imported user's password must be. */

export const importPasswordMaxLength = 512;
/** What DirectLogin accepts in a password (src/domain/auth/direct-login.ts): printable ASCII without `[` and `]`. */
const loginablePassword = /^[\x20-\x5A\x5C\x5E-\x7E]+$/;

// No strong-password rule (POST /users only): CanCreateSandbox admins choose this data; OBP's 2016 example has short passwords.
/** Why an imported user could not log in with `password` through DirectLogin, or undefined when they can. */
export function importPasswordProblem(password: string): string | undefined {
  if (password === '') return 'password must not be empty';
  if (password.length > importPasswordMaxLength) {
    return `password is longer than ${importPasswordMaxLength} characters`;
  }
  if (!loginablePassword.test(password)) {
    return 'password may contain only printable ASCII characters other than "[" and "]" (those DirectLogin accepts)';
  }
  if (/[,"]/.test(password)) {
    return `password must not contain "," or '"': DirectLogin uses them to separate and quote its parameters, so the user could not log in`;
  }
  return undefined;
}
