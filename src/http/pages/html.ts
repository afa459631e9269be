/**
 * The server's HTML pages: one small stylesheet, one column that works at phone width, no script and
 * no external asset. Every value put into a page goes through `escape` (the `html` tag does it for
 * every interpolation); only `raw` fragments built by this module's callers from escaped parts pass
 * unchanged.
 */
import { hash } from 'node:crypto';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => entities[c]!);
}

/** HTML that is already safe (built with `html`). */
export class Raw {
  constructor(readonly text: string) {}
}

type Part = string | number | Raw | readonly Raw[] | undefined | false;

/** A template tag: every interpolated string is escaped; `Raw` values and lists of them are kept. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Raw {
  let out = strings[0]!;
  values.forEach((value, i) => {
    if (value instanceof Raw) out += value.text;
    else if (Array.isArray(value)) out += (value as readonly Raw[]).map((r) => r.text).join('');
    else if (typeof value === 'string') out += escape(value);
    else if (typeof value === 'number') out += String(value);
    out += strings[i + 1]!;
  });
  return new Raw(out);
}

const style = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#f5f5f5}
main{max-width:28rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.4rem;margin:0 0 1rem}
form{display:flex;flex-direction:column;gap:.25rem}
label{font-weight:600;margin-top:.75rem}
input,select,textarea{font:inherit;padding:.6rem;border:1px solid #888;border-radius:4px;width:100%}
button{font:inherit;margin-top:1.25rem;padding:.7rem;border:0;border-radius:4px;background:#0b5394;color:#fff;cursor:pointer}
button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f1c232;outline-offset:1px}
.error{background:#fde8e8;border-left:4px solid #b00020;padding:.5rem .75rem}
.field-error{color:#b00020;margin:0}
.secondary{background:#555}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap}
.code{font:1.3rem/1.4 ui-monospace,monospace;word-break:break-all;background:#fff;padding:.75rem;border:1px solid #ccc}
`.trim();

/** The stylesheet is inline; the Content-Security-Policy names it by hash, so no other style or script runs. */
export const styleHash = `'sha256-${hash('sha256', style, 'base64')}'`;

export function page(title: string, body: Raw): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
${body.text}
</main>
</body>
</html>
`;
}
