/**
 * One endpoint's panel: a <details> whose body is built when it is first opened (the page stays light
 * with every endpoint listed), showing everything the resource doc says and the try-it form.
 */
import type { ResourceDocJson } from '../../docs/resource-docs.js';
import { h, pretty } from './dom.js';
import { safeHtml } from './sanitize.js';
import { schemaFields } from './schema-fields.js';
import { placeholdersOf, tryItForm } from './try-it.js';

/** OBP's explorer calls login mandatory when the docs list the "not logged in" failure. */
export function authIsMandatory(doc: ResourceDocJson): boolean {
  return doc.error_response_bodies.some((text) => text.startsWith('OBP-20001'));
}

function section(title: string, ...content: (Node | null)[]): HTMLElement {
  return h('section', {}, h('h4', {}, title), ...content);
}

function roleList(doc: ResourceDocJson): HTMLElement {
  const roles = doc.roles ?? [];
  if (roles.length === 0) return h('p', { class: 'muted' }, 'No role is required.');
  return h(
    'ul',
    { class: 'roles' },
    roles.map((role) =>
      h(
        'li',
        {},
        h('code', {}, role.role),
        role.requires_bank_id ? ' (at a bank)' : ' (system-wide)',
        ' ',
        h('span', { class: 'role-status', 'data-role': role.role, 'data-bank-role': String(role.requires_bank_id) }),
      ),
    ),
  );
}

function panelBody(doc: ResourceDocJson, afterCall: (response: Response) => void): HTMLElement {
  const placeholders = placeholdersOf(doc.specified_url);
  const hasBody = doc.request_verb === 'POST' || doc.request_verb === 'PUT';
  const description = h('div', { class: 'description' });
  description.append(safeHtml(doc.description));
  return h(
    'div',
    { class: 'panel-body' },
    description,
    h('p', { class: 'auth' }, authIsMandatory(doc) ? 'Authentication is Mandatory' : 'Authentication is Optional'),
    section(
      'URL parameters',
      placeholders.length > 0
        ? h(
            'ul',
            {},
            placeholders.map((p) => h('li', {}, h('code', {}, p))),
          )
        : h('p', { class: 'muted' }, 'None.'),
    ),
    hasBody ? section('JSON request body fields', schemaFields(doc.typed_request_body)) : null,
    hasBody
      ? section('Example request body', h('pre', { class: 'json', tabindex: '0' }, pretty(doc.example_request_body)))
      : null,
    section('JSON response body fields', schemaFields(doc.typed_success_response_body)),
    section('Typical successful response', h('pre', { class: 'json', tabindex: '0' }, pretty(doc.success_response_body))),
    section('Required roles', roleList(doc)),
    section(
      'Possible errors',
      h(
        'ul',
        { class: 'errors' },
        doc.error_response_bodies.map((text) => h('li', {}, text)),
      ),
    ),
    section(
      'Implementation',
      h(
        'p',
        { class: 'implemented' },
        `Implemented in ${doc.implemented_by.version} by ${doc.implemented_by.function}, operation_id: ${doc.operation_id}`,
      ),
      h(
        'p',
        {},
        'Connector methods: ',
        doc.connector_methods.length > 0
          ? h('span', {}, doc.connector_methods.map((m, i) => [i > 0 ? ', ' : '', h('code', {}, m)]).flat())
          : h('span', { class: 'muted' }, 'none (this server reads its own database)'),
      ),
    ),
    tryItForm(doc, afterCall),
  );
}

export function panel(doc: ResourceDocJson, onOpen: () => void, afterCall: (response: Response) => void): HTMLDetailsElement {
  const details = h(
    'details',
    { class: 'endpoint', id: `op-${doc.operation_id.replace(/[^A-Za-z0-9_-]/g, '_')}`, 'data-operation-id': doc.operation_id },
    h(
      'summary',
      {},
      h('span', { class: `verb verb-${doc.request_verb}` }, doc.request_verb),
      h('span', { class: 'title' }, doc.summary),
      h('code', { class: 'path' }, doc.specified_url),
    ),
  );
  details.addEventListener('toggle', () => {
    if (!details.open || details.querySelector('.panel-body')) return;
    details.append(panelBody(doc, afterCall));
    onOpen();
  });
  return details;
}
