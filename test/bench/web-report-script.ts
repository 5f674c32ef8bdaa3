/** One answer a person posts over Direct Line: typed text, or a tap carrying its choice value. */
export type WebAnswer = { text: string; value?: { choice: string } };

const tap = (choice: string): WebAnswer => ({ text: choice, value: { choice } });

/** One complete web report, as a person walks it: 15 messages after the welcome, the last one "Send". */
export const WEB_REPORT_SCRIPT: readonly WebAnswer[] = [
  ...[
    'welcome:go',
    'role:victim',
    'minor:no',
    'acts:insult',
    'acts:done',
    'motives:unknown',
    'motives:done',
    'when:today',
  ].map(tap),
  { text: '34000' },
  tap('place:street'),
  { text: 'Deux hommes m’ont insulté devant le tram, puis suivi jusqu’à l’arrêt.' },
  ...['story:done', 'complaint:no', 'contact:no', 'summary:send'].map(tap),
];
