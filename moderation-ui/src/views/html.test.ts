import { describe, expect, it } from 'vitest';
import { html } from './html.js';

describe('html', () => {
  it('renders report text as text: an XSS payload stays inert', () => {
    const payload = `<img src=x onerror="alert(1)"><script>alert('x')</script>`;
    const out = html`<p title="${payload}">${payload}</p>`.value;
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('&quot;alert(1)&quot;');
  });

  it('nests safe fragments and arrays, and drops null, undefined and false', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });
});
