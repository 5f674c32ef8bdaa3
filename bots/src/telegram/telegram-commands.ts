import type { BotCommand } from 'grammy/types';
import type { Lang } from '@relais/core';
import { COMMAND_NAMES, type NamedCommand } from '../flow/flow-commands.js';
import { translate, type MessageKey } from '../i18n/catalog.js';

/** The menu's commands, in order, and the catalog key describing each. */
const MENU: readonly (readonly [NamedCommand, MessageKey])[] = [
  ['start', 'menuStart'],
  ['urgence', 'menuUrgence'],
  ['suivi', 'menuSuivi'],
  ['supprimer', 'menuSupprimer'],
  ['cancel', 'menuCancel'],
  ['lang', 'menuLang'],
  ['help', 'menuHelp'],
];

/**
 * The command menu Telegram shows next to the text field, in `lang` (set with `setMyCommands`):
 * each command under its name in that language (`/annuler`, `/cancel`), as the texts name it.
 */
export function commandMenu(lang: Lang): BotCommand[] {
  return MENU.map(([command, key]) => ({ command: COMMAND_NAMES[lang][command], description: translate(lang, key) }));
}
