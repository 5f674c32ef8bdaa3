import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../i18n/catalog.js';
import { chatPage, chatPageConfig } from './chat-page.js';
import { reportPagePolicy } from './tunnel-routes.js';

const configOf = (html: string) =>
  JSON.parse(/<script type="application\/json" id="chat-config">(.*)<\/script>/.exec(html)?.[1] ?? 'null') as unknown;

describe('the chat frame page', () => {
  it('hands its script every language, the receipt templates and an absolute follow-up address', () => {
    const html = chatPage(chatPageConfig('en', 'lunel', 'https://relais.example.org'));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<script src="/chat.js" defer></script>');
    expect(configOf(html)).toMatchObject({
      lang: 'en',
      tunnel: 'lunel',
      followUrl: 'https://relais.example.org/report/follow',
      langSet: { fr: CATALOGS.fr.conversation.langSet, en: CATALOGS.en.conversation.langSet },
      receipt: { fr: CATALOGS.fr.conversation.receivedWeb },
      texts: { fr: CATALOGS.fr.widget, en: CATALOGS.en.widget },
    });
  });

  it('keeps text that looks like markup inert inside its JSON', () => {
    const html = chatPage(chatPageConfig('fr', null, 'https://x.example/</script><script>alert(1)</script>'));
    expect(html.match(/<script/g)).toHaveLength(2);
  });
});

describe('the reporting pages’ content security policy', () => {
  it('lets any https page frame the chat, talks only to its own public origin, and never frames the tunnel pages', () => {
    const chat = reportPagePolicy('https://relais.example.org', 'chat');
    expect(chat).toContain("frame-ancestors 'self' https:;".slice(0, -1));
    expect(chat).not.toMatch(/frame-ancestors[^;]*http:/);
    expect(chat).toContain("connect-src 'self' wss://relais.example.org");
    expect(chat).not.toMatch(/unsafe-inline|unsafe-eval/);
    const page = reportPagePolicy('https://relais.example.org', 'page');
    expect(page).toContain("frame-ancestors 'none'");
    expect(page).toContain("frame-src 'self' https://relais.example.org;");
  });

  it('allows http framing only when the service itself runs on http (on this machine)', () => {
    expect(reportPagePolicy('http://127.0.0.1:3978', 'chat')).toMatch(/frame-ancestors 'self' https: http:$/);
    expect(reportPagePolicy('http://127.0.0.1:3978', 'chat')).toContain('ws://127.0.0.1:3978');
  });
});
