import type { BotCommand } from 'grammy/types';
import type { Lang } from '@relais/core';
import { translate, type MessageKey } from '../i18n/catalog.js';

const MENU: readonly (readonly [string, MessageKey])[] = [
  ['start', 'menuStart'],
  ['urgence', 'menuUrgence'],
  ['suivi', 'menuSuivi'],
  ['supprimer', 'menuSupprimer'],
  ['cancel', 'menuCancel'],
  ['lang', 'menuLang'],
  ['help', 'menuHelp'],
];

/** The command menu Telegram shows next to the text field, in `lang` (set with `setMyCommands`). */
export function commandMenu(lang: Lang): BotCommand[] {
  return MENU.map(([command, key]) => ({ command, description: translate(lang, key) }));
}
