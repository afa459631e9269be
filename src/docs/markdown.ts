/**
 * A deliberately small Markdown → HTML renderer for endpoint descriptions: paragraphs, headings,
 * bullet and numbered lists, fenced code, `code`, **bold** and [links](url). Everything is HTML-escaped
 * first, so a description can never inject markup; links only keep http(s), mailto, relative and
 * fragment targets. Underscores are left alone on purpose: OBP text is full of BANK_ID-style names.
 */

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]!);
}

const safeHref = /^(https?:\/\/|mailto:|\/|#)/i;

/** Inline markup of one block of text (already free of block syntax). */
export function renderInline(text: string): string {
  // Code spans are cut out first so nothing inside them is interpreted.
  const spans: string[] = [];
  const withoutCode = text.replace(/\uE000/g, '').replace(/`([^`]+)`/g, (_m, code: string) => {
    spans.push(`<code>${escapeHtml(code)}</code>`);
    return `\uE000${spans.length - 1}\uE000`;
  });
  return escapeHtml(withoutCode)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label: string, href: string) =>
      safeHref.test(href) ? `<a href="${href}">${label}</a>` : label,
    )
    .replace(/\uE000(\d+)\uE000/g, (_m, i: string) => spans[Number(i)]!);
}

const bullet = /^\s*[-*+]\s+(.*)$/;
const numbered = /^\s*\d+[.)]\s+(.*)$/;
const heading = /^(#{1,6})\s*(.*?)\s*#*\s*$/;
const fence = /^\s*(```|~~~)/;

export function renderMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;

  const flushParagraph = () => {
    if (paragraph.length > 0) out.push(`<p>${renderInline(paragraph.join('\n'))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) {
      const tag = list.ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${list.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${tag}>`);
    }
    list = undefined;
  };
  const addItem = (ordered: boolean, text: string) => {
    flushParagraph();
    if (list && list.ordered !== ordered) flushList();
    list ??= { ordered, items: [] };
    list.items.push(text.trim());
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = fence.exec(line);
    if (fenceMatch) {
      flushParagraph();
      flushList();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith(fenceMatch[1]!); i++) code.push(lines[i]!);
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    if (line.trim() === '') {
      flushParagraph();
      flushList();
      continue;
    }
    const headingMatch = heading.exec(line);
    if (headingMatch) {
      flushParagraph();
      flushList();
      const level = headingMatch[1]!.length;
      out.push(`<h${level}>${renderInline(headingMatch[2]!)}</h${level}>`);
      continue;
    }
    const bulletMatch = bullet.exec(line);
    if (bulletMatch) {
      addItem(false, bulletMatch[1]!);
      continue;
    }
    const numberedMatch = numbered.exec(line);
    if (numberedMatch) {
      addItem(true, numberedMatch[1]!);
      continue;
    }
    if (list && /^\s+/.test(line)) {
      // an indented line continues the current list item
      list.items[list.items.length - 1] += `\n${line.trim()}`;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return out.join('\n');
}
