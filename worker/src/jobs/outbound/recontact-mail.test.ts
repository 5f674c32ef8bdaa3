import { describe, expect, it } from 'vitest';
import { followUpUrl, recontactMail } from './recontact-mail.js';

describe('recontactMail', () => {
  it('says in the reporter’s language that a message waits, with the follow-up page from PUBLIC_URL and nothing else', () => {
    const fr = recontactMail('fr', followUpUrl('https://signaler.example.org/', 'fr'));
    expect(fr.subject).toBe('Vous avez un message de l’association');
    expect(fr.text).toContain(
      'Vous avez un message de l’association : ouvrez https://signaler.example.org/report/follow?lang=fr',
    );
    expect(fr.html).toContain('<a href="https://signaler.example.org/report/follow?lang=fr">');
    expect(fr.html).toMatch(/^<!doctype html><html lang="fr">/);
    const en = recontactMail('en', followUpUrl('https://signaler.example.org', 'en'));
    expect(en.text).toContain(
      'You have a message from the association: open https://signaler.example.org/report/follow?lang=en',
    );
    expect(en.text).not.toMatch(/association :|Bonjour/);
  });

  it('escapes the address in the HTML part', () => {
    expect(recontactMail('en', 'https://x.example/"><script>').html).not.toContain('<script>');
  });
});
