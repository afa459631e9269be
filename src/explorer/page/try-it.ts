/**
 * The try-it form of one endpoint: path parameters, query string, paging headers, other headers and a
 * JSON body; it sends the real request from the browser and shows status, headers and body.
 */
import type { ResourceDocJson } from '../../docs/resource-docs.js';
import { isPlaceholder } from '../../api/endpoint.js';
import { h, pretty } from './dom.js';
import { authHeaders, session } from './session.js';

/** Values typed into one form become the defaults of the forms opened later (one BANK_ID for all). */
export const pathDefaults = new Map<string, string>();

/** OBP's paging and filtering headers (SEMANTICS §9.2); sent only when filled in. */
const pagingHeaders = ['obp_limit', 'obp_offset', 'obp_from_date', 'obp_to_date', 'obp_sort_direction'];

export function placeholdersOf(url: string): string[] {
  return url.split('/').filter(isPlaceholder);
}

let formCount = 0;

function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('small', {}, hint) : null);
}

function parseHeaderLines(text: string): [string, string][] | string {
  const headers: [string, string][] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return `Header line "${line}" is not "Name: value".`;
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return headers;
}

function showResponse(output: HTMLElement, status: string, headers: string, body: string): void {
  output.replaceChildren(
    h('p', { class: 'status', 'data-testid': 'response-status' }, status),
    h('h5', {}, 'Response headers'),
    h('pre', { class: 'headers' }, headers),
    h('h5', {}, 'Response body'),
    h('pre', { class: 'json', 'data-testid': 'response-body', tabindex: '0' }, body),
  );
}

export function tryItForm(doc: ResourceDocJson, afterCall: (response: Response) => void): HTMLElement {
  const n = ++formCount;
  const names = placeholdersOf(doc.specified_url);
  const pathInputs = names.map((name) => {
    const input = h('input', {
      id: `p${n}-${name}`,
      name,
      value: pathDefaults.get(name) ?? '',
      placeholder: name,
      required: true,
      autocomplete: 'off',
    });
    input.addEventListener('change', () => pathDefaults.set(name, input.value));
    return input;
  });
  const query = h('input', { id: `q${n}`, name: 'query', placeholder: 'e.g. limit=10&offset=0', autocomplete: 'off' });
  const paging =
    doc.request_verb === 'GET' ? pagingHeaders.map((name) => h('input', { id: `h${n}-${name}`, name, autocomplete: 'off' })) : [];
  const otherHeaders = h('textarea', { id: `oh${n}`, rows: '2', placeholder: 'Name: value (one per line)', spellcheck: 'false' });
  const hasBody = doc.request_verb === 'POST' || doc.request_verb === 'PUT';
  const body = h('textarea', { id: `b${n}`, rows: '10', spellcheck: 'false', class: 'code' });
  body.value = hasBody ? pretty(doc.example_request_body) : '';
  const sendToken = h('input', { id: `t${n}`, type: 'checkbox', checked: true });
  const output = h('div', { class: 'response', 'aria-live': 'polite' });
  const send = h('button', { type: 'submit' }, `Send ${doc.request_verb}`);

  const form = h(
    'form',
    { class: 'try-it', 'aria-label': `Try ${doc.summary}` },
    h('h4', {}, 'Try it'),
    names.length > 0
      ? h(
          'fieldset',
          {},
          h('legend', {}, 'Path parameters'),
          names.map((name, i) => field(pathInputs[i]!.id, name, pathInputs[i]!)),
        )
      : null,
    field(query.id, 'Query string', query),
    paging.length > 0
      ? h(
          'fieldset',
          { class: 'grid' },
          h('legend', {}, 'Paging headers (sent when filled in)'),
          paging.map((input) => field(input.id, input.name, input)),
        )
      : null,
    field(otherHeaders.id, 'Other request headers', otherHeaders),
    hasBody ? field(body.id, 'JSON body', body) : null,
    h(
      'div',
      { class: 'field inline' },
      sendToken,
      h('label', { for: sendToken.id }, 'Send my DirectLogin token (when logged in)'),
    ),
    send,
    output,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    let url = doc.specified_url;
    for (const [i, name] of names.entries()) {
      const value = pathInputs[i]!.value.trim();
      if (value === '') return showResponse(output, `Fill in ${name}.`, '', '');
      url = url
        .split('/')
        .map((segment) => (segment === name ? encodeURIComponent(value) : segment))
        .join('/');
    }
    const q = query.value.trim().replace(/^\?/, '');
    if (q !== '') url += `?${q}`;
    const headers = new Headers();
    for (const input of paging) if (input.value.trim() !== '') headers.set(input.name, input.value.trim());
    const extra = parseHeaderLines(otherHeaders.value);
    if (typeof extra === 'string') return showResponse(output, extra, '', '');
    try {
      for (const [name, value] of extra) headers.set(name, value);
    } catch {
      return showResponse(output, 'A request header has a name or value the browser refuses.', '', '');
    }
    if (sendToken.checked && session()) for (const [name, value] of Object.entries(authHeaders())) headers.set(name, value);
    if (hasBody) headers.set('Content-Type', 'application/json');
    send.disabled = true;
    output.replaceChildren(h('p', { class: 'status' }, 'Sending…'));
    fetch(url, { method: doc.request_verb, headers, body: hasBody ? body.value : undefined })
      .then(async (response) => {
        const text = await response.text();
        let shown = text;
        try {
          shown = pretty(JSON.parse(text));
        } catch {
          // not JSON: shown as it came
        }
        const headerLines = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
        showResponse(output, `${response.status} ${response.statusText} · ${doc.request_verb} ${url}`, headerLines, shown);
        afterCall(response);
      })
      .catch((err: unknown) => showResponse(output, `The request failed: ${String(err)}`, '', ''))
      .finally(() => {
        send.disabled = false;
      });
  });
  return form;
}
