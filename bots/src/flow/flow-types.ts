import type {
  ActType,
  ChannelAddress,
  ComplaintStatus,
  DangerReason,
  Lang,
  Motive,
  PlaceType,
  ReportLocation,
  ReportOccurrence,
  ReporterRole,
  ReportStatus,
  ReportSubmission,
} from '@relais/core';

/**
 * Steps of the conversation. `idle` means no report in progress (the state then only keeps the
 * language or a pending confirmation); `submitted` is the moment after sending, when the person
 * may delete the conversation from their phone.
 */
export type StepName =
  | 'idle'
  | 'welcome'
  | 'role'
  | 'minor'
  | 'acts'
  | 'motives'
  | 'when'
  | 'month'
  | 'where'
  /** Which postal code, when a typed commune name has several (or several communes have it). */
  | 'commune'
  | 'place'
  | 'story'
  | 'author'
  | 'onlineReach'
  | 'complaint'
  | 'contact'
  | 'contactHow'
  | 'email'
  | 'phone'
  | 'summary'
  | 'edit'
  | 'submitted';

/** How the person wishes to be re-contacted, as answered (the chat address comes from the channel). */
export type ContactAnswer =
  | { readonly method: 'none' }
  | { readonly method: 'chat' }
  | { readonly method: 'email'; readonly value: string }
  | { readonly method: 'phone'; readonly value: string };

/** What the person answered so far. */
export interface FlowAnswers {
  readonly role?: ReporterRole;
  readonly minor?: 'yes' | 'no' | 'unknown';
  readonly actTypes?: readonly ActType[];
  readonly motives?: readonly Motive[];
  /** `null`: the person does not remember. */
  readonly occurred?: ReportOccurrence | null;
  readonly location?: ReportLocation;
  /** `null`: the person preferred not to say. */
  readonly placeType?: PlaceType | null;
  readonly description?: string;
  readonly complaint?: ComplaintStatus;
  readonly contact?: ContactAnswer;
  /** Who the author was, as far as the referrals need it (`unsaid`: preferred not to say). */
  readonly author?: AuthorKind;
  /** Online facts: in public (posts, comments) or in private messages (`unknown`: not sure). */
  readonly onlineReach?: OnlineReach;
}

/** Kinds of author the referrals tell apart (police: IGPN; gendarmerie: IGGN; partner: 3919). */
export const AUTHOR_KINDS = ['police', 'gendarmerie', 'partner', 'other', 'unsaid'] as const;
/** A kind of author, see {@link AUTHOR_KINDS}. */
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

/** Where online facts were seen (Pharos takes only public content). */
export const ONLINE_REACHES = ['public', 'private', 'unknown'] as const;
/** Public or private online facts, see {@link ONLINE_REACHES}. */
export type OnlineReach = (typeof ONLINE_REACHES)[number];

/** A confirmation or a sub-question that sits on top of the current step. */
export type PendingQuestion = 'cancel' | 'restart' | 'erase' | 'safePlaces';

/**
 * A conversation: serialisable (JSON), versioned (`v`), stored sealed in Redis with a TTL so any
 * bot instance can continue it. `reportId` is fixed when the report starts, so sending twice
 * submits the same report.
 */
export interface FlowState {
  readonly v: 2;
  readonly step: StepName;
  readonly lang: Lang;
  /** The person chose the language (`/lang`), so the client's language no longer applies. */
  readonly langChosen: boolean;
  readonly tunnel: string | null;
  readonly reportId: string;
  readonly reference: string;
  readonly answers: FlowAnswers;
  /** Came from the summary to change an answer: go back to the summary afterwards. */
  readonly editing: boolean;
  readonly pending: PendingQuestion | null;
  /** The person said they were in danger during this report. */
  readonly inDanger: boolean;
  /**
   * Why: the first time danger was heard in this report (question, how), for staff. Outside a
   * report (idle, after the receipt) the last one, carried into the next report started here.
   */
  readonly dangerReason?: DangerReason;
  /** The channel can reach the person again in this chat (offer "through this chat"). */
  readonly canChat: boolean;
  /** At the `commune` step: the postal codes (and communes) the typed name may mean. */
  readonly placeChoices?: readonly { readonly postalCode: string; readonly insee: string }[];
  /** After the receipt: it gave a follow-up phrase, which a deleted conversation would take with it. */
  readonly phraseIssued?: true;
}

/** A slash command, whatever the channel calls it. `unknown` is any other command. */
export type FlowCommand = 'help' | 'cancel' | 'lang' | 'urgence' | 'suivi' | 'supprimer' | 'unknown';

/** What the person did, as a channel parsed it. */
export type FlowInput =
  | { readonly kind: 'start'; readonly payload?: string }
  | { readonly kind: 'text'; readonly text: string }
  /** A tap on a button: `value` is a {@link FlowChoice} value, possibly from an old keyboard. */
  | { readonly kind: 'choice'; readonly value: string }
  | { readonly kind: 'command'; readonly name: FlowCommand; readonly arg?: string }
  /** Anything the flow cannot read (sticker, photo, voice note…); `caption` is text sent with it. */
  | { readonly kind: 'unsupported'; readonly caption?: string }
  /** The person edited an earlier message. */
  | { readonly kind: 'edited' }
  /** The outcome of an effect the flow asked for (see {@link FlowEffect}). */
  | { readonly kind: 'result'; readonly result: EffectResult };

/**
 * A button. `value` (≤ 40 bytes, `<step>:<option>`) comes back as a `choice` input; `selected`
 * marks the ticked options of a multiple-choice question.
 */
export interface FlowChoice {
  readonly value: string;
  readonly label: string;
  readonly selected?: boolean;
}

/** A safe place of the "En lieu sûr" network, as the flow shows it. */
export interface SafePlace {
  readonly name: string;
  readonly address: string;
  readonly postalCode: string;
  readonly commune: string;
  readonly phone: string | null;
  readonly hours: string | null;
}

/** One of the person's reports, as `/suivi` shows it. */
export interface ReporterReport {
  readonly reference: string;
  readonly status: ReportStatus;
  readonly submittedAt: Date;
}

/** I/O the pure flow asks the runner to do; its outcome comes back as a `result` input. */
export type FlowEffect =
  | { readonly kind: 'submit'; readonly submission: ReportSubmission }
  | { readonly kind: 'find-safe-places'; readonly postalCode: string }
  | { readonly kind: 'list-my-reports' }
  | { readonly kind: 'erase-my-reports' };

/** The outcome of a {@link FlowEffect}. */
export type EffectResult =
  /**
   * The report is durably on the intake queue, under this (possibly redrawn) reference; a web
   * report also has the secret phrase of its follow-up page, shown once in the receipt.
   */
  | {
      readonly kind: 'submitted';
      readonly reference: string;
      readonly followUpPhrase?: string;
      readonly followUpUrl?: string;
    }
  | { readonly kind: 'safe-places'; readonly postalCode: string; readonly places: readonly SafePlace[] }
  | { readonly kind: 'my-reports'; readonly reports: readonly ReporterReport[] }
  | { readonly kind: 'erasure-requested' }
  | { readonly kind: 'failed'; readonly effect: FlowEffect['kind'] }
  /** Refused for now (a flood from one person); the same effect may be asked again after the wait. */
  | { readonly kind: 'throttled'; readonly effect: FlowEffect['kind']; readonly retryAfterSeconds: number };

/** What the channel must do, in order. */
export type FlowOutput =
  /** A message; `replace` asks to update the message whose button was tapped instead of sending a new one. */
  | {
      readonly kind: 'message';
      readonly text: string;
      readonly choices?: readonly FlowChoice[];
      readonly replace?: boolean;
    }
  /** A short, passing confirmation (a toast where the channel has one, otherwise a message). */
  | { readonly kind: 'notice'; readonly text: string }
  /** Run this and feed the outcome back; never rendered. */
  | { readonly kind: 'effect'; readonly effect: FlowEffect }
  /** Delete the messages of this report from the person's device, where the channel can. */
  | { readonly kind: 'delete-messages' }
  /** A new report starts: channels that track a report's messages start a new trail. */
  | { readonly kind: 'report-started' };

/** What a step needs from outside, injected so the flow stays pure and testable. */
export interface FlowContext {
  readonly now: Date;
  readonly channel: ReportSubmission['channel'];
  /** The client's language, used when no language was chosen yet. */
  readonly clientLang: Lang;
  /** Keyed hash of the person's channel identity, or null. */
  readonly reporterKey: string | null;
  /** Where the association can answer in this chat, or null when the channel cannot. */
  readonly chatAddress: ChannelAddress | null;
  newId(): string;
  newReference(): string;
}

/** The result of one step: the next state (null when nothing needs keeping) and the outputs. */
export interface StepResult {
  readonly state: FlowState | null;
  readonly outputs: readonly FlowOutput[];
}
