/**
 * Descriptions arrive as HTML rendered by the server's escaping Markdown renderer. They are still
 * rebuilt here from an allow-list (tags, and http(s)/mailto/relative links only) before they are shown,
 * so the page never trusts markup it did not build; the CSP forbids inline script besides.
 */
const allowedTags = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'LI',
  'PRE',
  'CODE',
  'STRONG',
  'EM',
  'A',
  'BR',
]);
const safeHref = /^(https?:\/\/|mailto:|\/|#)/i;

function copy(source: Node, target: Node): void {
  for (const node of Array.from(source.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      target.appendChild(document.createTextNode(node.textContent ?? ''));
    } else if (node instanceof Element && allowedTags.has(node.tagName)) {
      const clean = document.createElement(node.tagName.toLowerCase());
      const href = node.getAttribute('href');
      if (node.tagName === 'A' && href !== null && safeHref.test(href)) {
        clean.setAttribute('href', href);
        if (/^https?:/i.test(href)) clean.setAttribute('rel', 'noopener noreferrer');
      }
      copy(node, clean);
      target.appendChild(clean);
    } else if (node instanceof Element) {
      // unknown markup keeps its text only
      copy(node, target);
    }
  }
}

export function safeHtml(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const fragment = document.createDocumentFragment();
  copy(parsed.body, fragment);
  return fragment;
}
