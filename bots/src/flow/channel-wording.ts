import { LANGS, type Lang } from '@relais/core';
import { translate } from '../i18n/catalog.js';
import { COMMAND_NAMES, type NamedCommand } from './flow-commands.js';
import type { FlowOutput } from './flow-types.js';

/**
 * The word to type on the web instead of each command (nobody types a slash there): the bare
 * words `commandWord` and the buttons' synonyms understand ("annuler", "menu", "commencer").
 */
const WEB_WORDS: Readonly<Record<Lang, Readonly<Record<NamedCommand, string>>>> = {
  fr: { ...COMMAND_NAMES.fr, start: 'commencer', help: 'menu' },
  en: { ...COMMAND_NAMES.en, help: 'menu' },
};

// Every command name of every language, to its command and language ("/cancel" → cancel, en).
const NAMED: ReadonlyMap<string, readonly [NamedCommand, Lang]> = new Map(
  LANGS.flatMap((lang) =>
    Object.entries(COMMAND_NAMES[lang]).map(([command, name]) => [name, [command as NamedCommand, lang]] as const),
  ),
);

const SLASH_COMMAND = /(?<![\w/])\/([a-z]+)\b/g;

function forWeb(text: string, lang: Lang): string {
  return text.replace(SLASH_COMMAND, (whole, name: string) => {
    const named = NAMED.get(name);
    if (!named) return whole;
    // "/start" is the same in both languages: the conversation's language says which word to show.
    const wordLang = named[0] === 'start' ? lang : named[1];
    return translate(wordLang, 'commandOnWeb', { word: WEB_WORDS[wordLang][named[0]] });
  });
}

/**
 * The outputs as the channel should word them: on the web, a slash command in a text ("/annuler")
 * becomes the bare word to type there (« annuler »); Telegram keeps its commands.
 */
export function worded(outputs: readonly FlowOutput[], channel: 'telegram' | 'webchat', lang: Lang): FlowOutput[] {
  if (channel !== 'webchat') return [...outputs];
  return outputs.map((o) => (o.kind === 'message' || o.kind === 'notice' ? { ...o, text: forWeb(o.text, lang) } : o));
}
