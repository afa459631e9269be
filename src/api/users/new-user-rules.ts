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

const problemTexts = {
  noFirstName: 'Please enter your first name.',
  longFirstName: `First name is too long (at most ${maxNameLength} characters).`,
  noLastName: 'Please enter your last name.',
  longLastName: `Last name is too long (at most ${maxNameLength} characters).`,
  noUsername: 'Please enter your username.',
  badUsername: invalidUsernameMessage,
  noEmail: 'Please enter your email.',
  badEmail: 'Invalid email address',
};

/** Every text `newUserProblems` can answer, for the endpoint's declared errors. */
export const newUserProblemTexts: readonly string[] = Object.values(problemTexts);

/** Every rule the fields break, in field order; empty when the user may be created. */
export function newUserProblems(u: NewUserFields): string[] {
  const t = problemTexts;
  const problems: string[] = [];
  if (u.first_name.trim() === '') problems.push(t.noFirstName);
  else if (u.first_name.length > maxNameLength) problems.push(t.longFirstName);
  if (u.last_name.trim() === '') problems.push(t.noLastName);
  else if (u.last_name.length > maxNameLength) problems.push(t.longLastName);
  if (u.username.trim() === '') problems.push(t.noUsername);
  else if (u.username.length > maxNameLength || !(usernamePattern.test(u.username) || isValidEmail(u.username))) {
    problems.push(t.badUsername);
  }
  if (u.email.trim() === '') problems.push(t.noEmail);
  else if (!isValidEmail(u.email)) problems.push(t.badEmail);
  return problems;
}
