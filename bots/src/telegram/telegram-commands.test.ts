import { describe, expect, it } from 'vitest';
import { LANGS } from '@relais/core';
import { commandOf } from '../flow/flow-commands.js';
import { commandMenu } from './telegram-commands.js';

describe("Telegram's command menu", () => {
  it('names each command as the texts of its language do', () => {
    expect(commandMenu('fr').map((c) => c.command)).toEqual([
      'start',
      'urgence',
      'suivi',
      'supprimer',
      'annuler',
      'langue',
      'aide',
    ]);
    expect(commandMenu('en').map((c) => c.command)).toEqual([
      'start',
      'emergency',
      'status',
      'erase',
      'cancel',
      'lang',
      'help',
    ]);
  });

  it.each(LANGS)('offers, in %s, only commands the conversation understands, each described', (lang) => {
    for (const { command, description } of commandMenu(lang)) {
      expect(commandOf(`/${command}`)).not.toEqual({ kind: 'command', name: 'unknown' });
      expect(description.length).toBeGreaterThan(3);
    }
  });
});
