/**
 * OBP's model validation of a self-registered user (AuthUser field validations), as plain rules. The
 * messages are OBP's texts; failures are joined with ";" into one 400 message, as OBP does.
 */

/** OBP's (W3C HTML5) e-mail pattern. */
const emailPattern =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** 8..100 of a-z A-Z 0-9 . _, not starting or ending with . or _, no two of them in a row. */
const usernamePattern = /^(?=.{8,100}$)(?![_.])(?!.*[_.]{2})[a-zA-Z0-9._]+(?<![_.])$/;

// The longest address SMTP can carry; OBP's column is 48 characters, which real addresses outgrow.
const maxEmailLength = 254;
// OBP stores names and usernames in 100-character columns.
const maxNameLength = 100;

export const invalidUsernameMessage =
  'Invalid Username: 1) The ONLY allowed characters in Usernames are: a-z A-Z 0-9 . _ ' +
  '2) Usernames MUST be between 8 and 100 characters long 3) Usernames MUST NOT start with _ or . ' +
  '4) Usernames MUST NOT contain __ or ._ or ._ or .. 5) Usernames MUST NOT end with _ or . ' +
  '6) Any valid email address is allowed as the Username';

export function isValidEmail(email: string): boolean {
  return email.length <= maxEmailLength && emailPattern.test(email);
}

export interface NewUserFields {
  email: string;
  username: string;
  first_name: string;
  last_name: string;
}

/** Every rule the fields break, in field order; empty when the user may be created. */
export function newUserProblems(u: NewUserFields): string[] {
  const problems: string[] = [];
  if (u.first_name.trim() === '') problems.push('Please enter your first name.');
  else if (u.first_name.length > maxNameLength) problems.push(`First name is too long (at most ${maxNameLength} characters).`);
  if (u.last_name.trim() === '') problems.push('Please enter your last name.');
  else if (u.last_name.length > maxNameLength) problems.push(`Last name is too long (at most ${maxNameLength} characters).`);
  if (u.username.trim() === '') problems.push('Please enter your username.');
  else if (u.username.length > maxNameLength || !(usernamePattern.test(u.username) || isValidEmail(u.username))) {
    problems.push(invalidUsernameMessage);
  }
  if (u.email.trim() === '') problems.push('Please enter your email.');
  else if (!isValidEmail(u.email)) problems.push('Invalid email address');
  return problems;
}
