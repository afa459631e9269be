/**
 * The API Explorer page: header (version switcher, endpoint count, login), tag navigation, search and
 * one panel per endpoint, all built from the server's resource docs of the chosen version.
 */
import type { ResourceDocJson } from '../../docs/resource-docs.js';
import { byId, h } from './dom.js';
import { panel } from './panel.js';
import { login, logout, onSessionChange, refreshEntitlements, restore, session } from './session.js';
import { pathDefaults } from './try-it.js';

const settings = {
  consumerKey: document.body.dataset.consumerKey ?? '',
  versions: (document.body.dataset.versions ?? '').split(',').filter((v) => v !== ''),
};
let version = new URLSearchParams(location.search).get('version') ?? document.body.dataset.version ?? '';
if (!settings.versions.includes(version)) version = settings.versions[settings.versions.length - 1] ?? 'v2.1.0';

let docs: ResourceDocJson[] = [];

function skeleton(): void {
  const versionSelect = h(
    'select',
    { id: 'version', 'aria-label': 'API version' },
    settings.versions.map((v) => h('option', { value: v, selected: v === version }, v)),
  );
  versionSelect.addEventListener('change', () => {
    version = versionSelect.value;
    history.replaceState(null, '', `?version=${encodeURIComponent(version)}`);
    void loadDocs();
  });
  document.body.append(
    h('a', { class: 'skip', href: '#endpoints' }, 'Skip to the endpoints'),
    h(
      'header',
      {},
      h('h1', {}, 'API Explorer'),
      h('div', { class: 'version' }, versionSelect, ' ', h('span', { id: 'api-count', 'aria-live': 'polite' }, '')),
      h('a', { href: '/consumer-registration' }, 'Register an app'),
      h('div', { id: 'account' }),
    ),
    h(
      'div',
      { class: 'layout' },
      h('nav', { 'aria-label': 'Tags' }, h('h2', {}, 'Tags'), h('ul', { id: 'tags' })),
      h(
        'main',
        { id: 'endpoints', tabindex: '-1' },
        h(
          'div',
          { class: 'search' },
          h('label', { for: 'search' }, 'Search'),
          h('input', { id: 'search', type: 'search', placeholder: 'name, path or operation id', autocomplete: 'off' }),
        ),
        h('p', { id: 'message', role: 'status' }),
        h('div', { id: 'groups' }),
      ),
    ),
  );
  byId<HTMLInputElement>('search').addEventListener('input', applySearch);
}

function renderAccount(): void {
  const box = byId('account');
  const current = session();
  if (current) {
    const out = h('button', { type: 'button', id: 'logout' }, 'Log out');
    out.addEventListener('click', () => void logout());
    box.replaceChildren(h('span', { id: 'logged-in-as' }, `Logged in as ${current.username}`), ' ', out);
    return;
  }
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const error = h('p', { id: 'login-error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Log in');
  const form = h(
    'form',
    { id: 'login', 'aria-label': 'Log in with DirectLogin' },
    h('label', { for: 'username' }, 'Username'),
    username,
    h('label', { for: 'password' }, 'Password'),
    password,
    submit,
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    login(version, settings.consumerKey, username.value, password.value)
      .then(() => {
        if (docs.length === 0) void loadDocs();
      })
      .catch((err: unknown) => {
        error.textContent = err instanceof Error ? err.message : String(err);
        submit.disabled = false;
      });
  });
  box.replaceChildren(form);
}

/** Next to each required role: whether the logged-in user holds it (and at which banks). */
function renderRoleStatus(): void {
  const current = session();
  for (const element of document.querySelectorAll<HTMLElement>('.role-status')) {
    if (!current) {
      element.textContent = '— log in to see whether you hold it';
      element.className = 'role-status';
      continue;
    }
    const held = current.entitlements.filter((e) => e.role_name === element.dataset.role);
    const banks = held.map((e) => e.bank_id).filter((b) => b !== '');
    element.className = `role-status ${held.length > 0 ? 'held' : 'missing'}`;
    element.textContent =
      held.length === 0
        ? '✗ you do not hold it'
        : element.dataset.bankRole === 'true' && banks.length > 0
          ? `✓ you hold it at ${banks.join(', ')}`
          : '✓ you hold it';
  }
}

function tagId(tag: string): string {
  return `tag-${tag.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function renderDocs(): void {
  byId('api-count').textContent = `${version} (${docs.length} APIs)`;
  const byTag = new Map<string, ResourceDocJson[]>();
  for (const doc of docs) {
    const tag = doc.tags[0] ?? 'Other';
    byTag.set(tag, [...(byTag.get(tag) ?? []), doc]);
  }
  const tags = [...byTag.keys()].sort((a, b) => a.localeCompare(b));
  byId('tags').replaceChildren(
    ...tags.map((tag) =>
      h(
        'li',
        { 'data-tag': tag },
        h('a', { href: `#${tagId(tag)}` }, tag, ' ', h('span', { class: 'count' }, byTag.get(tag)!.length)),
      ),
    ),
  );
  const afterCall = (response: Response) => {
    if (response.ok && session()) void refreshEntitlements(version);
  };
  byId('groups').replaceChildren(
    ...tags.map((tag) =>
      h(
        'section',
        { class: 'group', id: tagId(tag), 'data-tag': tag },
        h('h2', {}, tag),
        byTag.get(tag)!.map((doc) => panel(doc, renderRoleStatus, afterCall)),
      ),
    ),
  );
  applySearch();
}

function applySearch(): void {
  const words = byId<HTMLInputElement>('search')
    .value.trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  let shown = 0;
  for (const group of document.querySelectorAll<HTMLElement>('section.group')) {
    let groupShown = 0;
    for (const details of group.querySelectorAll<HTMLElement>('details.endpoint')) {
      const doc = docs.find((d) => d.operation_id === details.dataset.operationId);
      const haystack = doc ? `${doc.summary} ${doc.specified_url} ${doc.operation_id}`.toLowerCase() : '';
      const match = words.every((w) => haystack.includes(w));
      details.hidden = !match;
      if (match) groupShown++;
    }
    group.hidden = groupShown === 0;
    const navItem = document.querySelector<HTMLElement>(`#tags li[data-tag="${CSS.escape(group.dataset.tag ?? '')}"]`);
    if (navItem) navItem.hidden = groupShown === 0;
    shown += groupShown;
  }
  byId('message').textContent = words.length > 0 ? `${shown} of ${docs.length} endpoints match.` : '';
}

async function loadDocs(): Promise<void> {
  const message = byId('message');
  message.textContent = 'Loading the resource docs…';
  pathDefaults.set('API_VERSION', version);
  const headers: Record<string, string> = {};
  const current = session();
  if (current) headers.DirectLogin = `token=${current.token}`;
  try {
    const response = await fetch(`/obp/${version}/resource-docs/${version}/obp`, { headers });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      docs = [];
      byId('groups').replaceChildren();
      byId('api-count').textContent = version;
      message.textContent = `The resource docs are not available: ${body.message ?? response.status}. Log in with a user who may read them.`;
      return;
    }
    docs = ((await response.json()) as { resource_docs: ResourceDocJson[] }).resource_docs;
    message.textContent = '';
    renderDocs();
  } catch (err) {
    message.textContent = `The resource docs could not be loaded: ${String(err)}`;
  }
}

/** The first bank pre-fills BANK_ID in the try-it forms; a bank list that fails changes nothing. */
async function loadPathDefaults(): Promise<void> {
  pathDefaults.set('VIEW_ID', 'owner');
  try {
    const response = await fetch(`/obp/${version}/banks`);
    const banks = response.ok ? ((await response.json()) as { banks?: { id: string }[] }).banks : undefined;
    if (banks?.[0] && !pathDefaults.has('BANK_ID')) pathDefaults.set('BANK_ID', banks[0].id);
  } catch {
    // no default then
  }
}

skeleton();
onSessionChange(() => {
  renderAccount();
  renderRoleStatus();
});
renderAccount();
/** A link to one endpoint (`/#op-OBPv2_1_0-getBanks`, the id of its panel) opens it. */
function openLinkedPanel(): void {
  const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target instanceof HTMLDetailsElement) {
    target.open = true;
    target.scrollIntoView();
  }
}

window.addEventListener('hashchange', openLinkedPanel);
void restore(version)
  .then(loadPathDefaults)
  .then(loadDocs)
  .then(() => {
    openLinkedPanel();
    document.body.setAttribute('data-ready', 'true');
  });
