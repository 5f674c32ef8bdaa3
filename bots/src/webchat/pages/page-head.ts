/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The opening of a public page up to `<body>`: language, viewport, no referrer sent to other sites,
 * the title, and the page's stylesheets (no inline style: the pages run under a strict CSP).
 */
export function pageHead(lang: string, title: string, stylesheets: readonly string[]): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
${stylesheets.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
</head>`;
}
