/**
 * The consumer registration form (OBP's field names): what a valid application looks like, and the
 * message shown next to each field that is not. Pure: no store, no request.
 */
export const appTypes = ['Confidential', 'Public'] as const;
export type AppType = (typeof appTypes)[number];

export interface RegistrationForm {
  'app-type': string;
  'app-name': string;
  'app-redirect-url': string;
  'app-developer': string;
  'app-description': string;
  'app-company': string;
}

export type FieldName = keyof RegistrationForm;
export const fieldNames: readonly FieldName[] = [
  'app-type',
  'app-name',
  'app-redirect-url',
  'app-developer',
  'app-description',
  'app-company',
];

export interface Application {
  appType: AppType;
  appName: string;
  redirectUrl: string;
  developerEmail: string;
  description: string;
  company: string;
}

const maxLength = 255;
const maxDescriptionLength = 2000;
// control characters (NUL included) have no place in any of these fields
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;
// the description may have line breaks and tabs
// eslint-disable-next-line no-control-regex
const controlCharactersInText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function redirectUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full URL, such as https://app.example.com/callback.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The redirect URL must start with https:// or http://.';
  if (url.username !== '' || url.password !== '') return 'The redirect URL must not contain a user name or password.';
  if (url.hash !== '') return 'The redirect URL must not contain a fragment (#…).';
  return undefined;
}

/** The application, or a message per field in error. */
export function validateRegistration(
  form: RegistrationForm,
): { application: Application } | { errors: Partial<Record<FieldName, string>> } {
  const errors: Partial<Record<FieldName, string>> = {};
  const value = (name: FieldName) => form[name].trim();
  for (const name of fieldNames) {
    const limit = name === 'app-description' ? maxDescriptionLength : maxLength;
    if (form[name].length > limit) errors[name] = `At most ${limit} characters.`;
    else if ((name === 'app-description' ? controlCharactersInText : controlCharacters).test(form[name])) {
      errors[name] = 'Must not contain control characters.';
    }
  }
  if (!errors['app-type'] && !(appTypes as readonly string[]).includes(value('app-type'))) {
    errors['app-type'] = 'Choose Confidential or Public.';
  }
  if (!errors['app-name'] && value('app-name') === '') errors['app-name'] = 'Enter the name of the application.';
  if (!errors['app-developer'] && !emailPattern.test(value('app-developer'))) {
    errors['app-developer'] = 'Enter the e-mail address of the developer, such as dev@example.com.';
  }
  if (!errors['app-description'] && value('app-description') === '') {
    errors['app-description'] = 'Describe what the application does.';
  }
  if (!errors['app-redirect-url'] && value('app-redirect-url') !== '') {
    const problem = redirectUrlProblem(value('app-redirect-url'));
    if (problem) errors['app-redirect-url'] = problem;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    application: {
      appType: value('app-type') as AppType,
      appName: value('app-name'),
      redirectUrl: value('app-redirect-url'),
      developerEmail: value('app-developer'),
      description: value('app-description'),
      company: value('app-company'),
    },
  };
}
