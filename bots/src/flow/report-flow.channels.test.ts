import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandOf } from './flow-commands.js';
import type { FlowContext, FlowInput } from './flow-types.js';
import { answerUpToWhere, FlowDriver, testContext } from './testing/flow-driver.js';

const webContext = (clientLang: 'fr' | 'en'): Partial<FlowContext> => ({
  clientLang,
  channel: 'webchat',
  chatAddress: { channel: 'webchat', inbox: 'i'.repeat(32) },
});

/** Everything the person reads over a whole report, its help and its end, with every input's texts. */
function wholeReport(d: FlowDriver): string[] {
  const seen: string[] = [];
  const send = (input: FlowInput | string) => {
    d.send(typeof input === 'string' ? { kind: 'text', text: input } : input);
    seen.push(...d.texts());
  };
  const tap = (option: string) => {
    d.tap(option);
    seen.push(...d.texts());
  };
  send({ kind: 'start' });
  tap('privacy');
  tap('go');
  send({ kind: 'command', name: 'help' });
  send('blabla');
  for (const option of ['victim', 'no', 'insult', 'done', 'gayphobia', 'done', 'yesterday']) tap(option);
  send('Montpellier');
  tap('pc-34000-34172');
  tap('street');
  send('Deux hommes m’ont insulté devant le tram.');
  for (const option of ['done', 'intends_to', 'no', 'send', 'keep']) tap(option);
  send({ kind: 'command', name: 'cancel' });
  send('bonjour');
  return seen;
}

/** A slash command in a text (not a path inside an address). */
const SLASH_COMMAND = /(?<![\w/.])\/[a-z]+\b/;

describe.each(['fr', 'en'] as const)('commands and channel wording (%s)', (lang) => {
  const names = COMMAND_NAMES[lang];

  it('shows the commands under their names in the language on Telegram', () => {
    const texts = wholeReport(new FlowDriver(testContext({ clientLang: lang }))).join('\n');
    for (const command of ['cancel', 'suivi', 'supprimer'] as const) expect(texts).toContain(`/${names[command]}`);
    const other = COMMAND_NAMES[lang === 'fr' ? 'en' : 'fr'];
    for (const command of ['cancel', 'suivi', 'supprimer', 'urgence'] as const)
      expect(texts).not.toContain(`/${other[command]} `);
  });

  it('understands both languages’ command names in both languages', () => {
    for (const commands of Object.values(COMMAND_NAMES))
      for (const [command, name] of Object.entries(commands))
        expect(commandOf(`/${name}`)).toMatchObject(
          command === 'start' ? { kind: 'start' } : { kind: 'command', name: command },
        );
  });

  it('never says Telegram, nor a slash command, on the web; the words it shows there work', () => {
    const texts = wholeReport(new FlowDriver(testContext(webContext(lang))));
    for (const text of texts) {
      expect(text).not.toMatch(/Telegram/);
      expect(text).not.toMatch(SLASH_COMMAND);
    }
    const all = texts.join('\n');
    const quoted = (word: string) => (lang === 'fr' ? `« ${word} »` : `"${word}"`);
    expect(all).toContain(quoted(names.cancel));
    const d = new FlowDriver(testContext(webContext(lang))).send({ kind: 'start' }).tap('go').tap('victim');
    d.text(names.cancel);
    expect(d.state?.pending).toBe('cancel');
    d.text('menu');
    expect(d.seen()).toContain(quoted(names.suivi));
    d.text(names.suivi);
    expect(d.effects.at(-1)).toEqual({ kind: 'list-my-reports' });
    const after = new FlowDriver(testContext(webContext(lang))).send({ kind: 'command', name: 'cancel' });
    const startWord = /[«"] ?(\w+) ?[»"]/.exec(after.seen())?.[1];
    expect(startWord).toBeDefined();
    expect(after.text(startWord!).state?.step).toBe('welcome');
  });
});

describe('the emergency guidance in the web chat, where only the last message shows its buttons', () => {
  it.each(['fr', 'en'] as const)(
    'keeps "safe places near me" among the buttons of the question asked again (%s)',
    (lang) => {
      const typed = lang === 'fr' ? 'jai peur il est encore la' : "help me pls he's still here";
      const web = new FlowDriver(testContext(webContext(lang))).send({ kind: 'start' }).tap('go').text(typed);
      expect(web.choices().map((c) => c.value)).toEqual(['role:victim', 'role:witness', 'g:urg-places']);
      // In the description too: the text is kept, the buttons of "anything else?" carry it.
      const story = answerUpToWhere(new FlowDriver(testContext(webContext(lang))).send({ kind: 'start' }))
        .text('34000')
        .tap('street')
        .text(typed);
      expect(story.choices().map((c) => c.value)).toContain('g:urg-places');
      // Telegram keeps each message's keyboard: the guidance has its own button, the question its own.
      const telegram = new FlowDriver(testContext({ clientLang: lang })).send({ kind: 'start' }).tap('go').text(typed);
      expect(telegram.choices().map((c) => c.value)).toEqual(['role:victim', 'role:witness']);
      expect(telegram.outputs[0]).toMatchObject({ choices: [{ value: 'g:urg-places' }] });
    },
  );
});
