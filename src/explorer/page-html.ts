/** The page's HTML shell: no inline script or style, the settings the script needs as data attributes. */
import { escapeHtml } from '../docs/markdown.js';

export interface PageSettings {
  /** DirectLogin consumer key of the page */
  consumerKey: string;
  /** every version whose API this server serves, newest last */
  versions: readonly string[];
  /** the version shown first */
  version: string;
}

export function pageHtml(settings: PageSettings, assetTag: string): string {
  const attr = (value: string) => escapeHtml(value);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API Explorer · obp-ts</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/explorer/explorer.css?v=${attr(assetTag)}">
<script src="/explorer/explorer.js?v=${attr(assetTag)}" defer></script>
</head>
<body data-consumer-key="${attr(settings.consumerKey)}" data-versions="${attr(settings.versions.join(','))}" data-version="${attr(settings.version)}">
<noscript><p>The API Explorer needs JavaScript. The resource docs are at <a href="/obp/${attr(settings.version)}/resource-docs/${attr(settings.version)}/obp">/obp/${attr(settings.version)}/resource-docs/${attr(settings.version)}/obp</a>.</p></noscript>
</body>
</html>
`;
}
