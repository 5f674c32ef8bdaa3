/** Builds realistic Telegram update JSON for one private chat. */
export class TelegramUser {
  private updateId: number;
  private messageId = 1;

  constructor(
    readonly chatId: number,
    readonly languageCode = 'fr',
    firstUpdateId = 700_000,
  ) {
    this.updateId = firstUpdateId;
  }

  private get from() {
    return { id: this.chatId, is_bot: false, first_name: 'Camille', language_code: this.languageCode };
  }

  private get chat() {
    return { id: this.chatId, type: 'private', first_name: 'Camille' };
  }

  /** A text message (a command when it starts with `/`). */
  text(text: string): Record<string, unknown> {
    const command = text.match(/^\/\w+/);
    return this.media({
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    });
  }

  /** A tap on an inline keyboard button carrying `data`. */
  tap(data: string): Record<string, unknown> {
    return {
      update_id: ++this.updateId,
      callback_query: {
        id: String(this.updateId),
        from: this.from,
        chat_instance: 'ci',
        data,
        message: { message_id: this.messageId, date: Math.floor(Date.now() / 1000), chat: this.chat, text: '…' },
      },
    };
  }

  /** A sticker, which the flow cannot read. */
  sticker(): Record<string, unknown> {
    return this.media({
      sticker: {
        file_id: 'x',
        file_unique_id: 'y',
        type: 'regular',
        width: 1,
        height: 1,
        is_animated: false,
        is_video: false,
      },
    });
  }

  /** The id of the person's last message (what a tap's message refers to). */
  get lastMessageId(): number {
    return this.messageId;
  }

  /** A new message of the person, with `extra` (its text, photo, sticker…). */
  private media(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      update_id: ++this.updateId,
      message: {
        message_id: ++this.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: this.chat,
        from: this.from,
        ...extra,
      },
    };
  }

  /** A photo, optionally with a caption. */
  photo(caption?: string): Record<string, unknown> {
    return this.media({
      photo: [{ file_id: 'p', file_unique_id: 'pu', width: 90, height: 90 }],
      ...(caption ? { caption } : {}),
    });
  }

  /** A voice note. */
  voice(): Record<string, unknown> {
    return this.media({ voice: { file_id: 'v', file_unique_id: 'vu', duration: 3 } });
  }

  /** An edit of an earlier text message. */
  edit(text: string): Record<string, unknown> {
    return {
      update_id: ++this.updateId,
      edited_message: {
        message_id: this.messageId,
        date: Math.floor(Date.now() / 1000),
        edit_date: Math.floor(Date.now() / 1000),
        chat: this.chat,
        from: this.from,
        text,
      },
    };
  }

  /** A text message in a group the person added the bot to. */
  groupText(text: string): Record<string, unknown> {
    return {
      update_id: ++this.updateId,
      message: {
        message_id: ++this.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: -this.chatId, type: 'group', title: 'g' },
        from: this.from,
        text,
      },
    };
  }
}

/** What a scripted Telegram report says; every field has a plain default. */
export interface ReportScriptOptions {
  readonly tunnel?: string;
  readonly postalCode?: string;
  readonly story?: string;
  /** Asks to be re-contacted by e-mail at this address (typed in the chat). */
  readonly email?: string;
  /** Asks to be re-contacted through this chat (ignored when `email` is set). */
  readonly contactByChat?: boolean;
}

/**
 * One full report as a person walks it through the Telegram bot: `/start`, the taps and typed
 * answers up to "Send" (the last update is the "Send" tap). 17 updates without contact details.
 */
export function telegramReportScript(user: TelegramUser, options: ReportScriptOptions = {}): Record<string, unknown>[] {
  const taps = (...values: string[]) => values.map((v) => user.tap(`c:${v}`));
  const contact = options.email
    ? [...taps('contact:yes', 'contactHow:email'), user.text(options.email)]
    : options.contactByChat
      ? taps('contact:yes', 'contactHow:chat')
      : taps('contact:no');
  return [
    user.text(options.tunnel ? `/start ${options.tunnel}` : '/start'),
    ...taps(
      'welcome:go',
      'role:victim',
      'minor:no',
      'acts:insult',
      'acts:done',
      'motives:unknown',
      'motives:done',
      'when:today',
    ),
    user.text(options.postalCode ?? '34000'),
    ...taps('place:street'),
    user.text(options.story ?? 'Deux hommes m’ont insulté devant le tram, puis suivi jusqu’à l’arrêt.'),
    ...taps('story:done', 'complaint:no'),
    ...contact,
    ...taps('summary:send'),
  ];
}
