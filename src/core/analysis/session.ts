/**
 * One analysis that grows with its trace: fed the recorded events as they come, it answers at any point with
 * what analyzeTrace would say of the events so far, and with the requests whose verdicts changed since it last
 * answered. The replay is sequential and resumable, so a snapshot replays only the new events; it starts over
 * only when the whole-trace answers the replay rests on change (a new session cookie name, a new inspected
 * site, the first Cookie header): those change the verdicts of requests already replayed. The panel's live and
 * imported recordings drive it; analyzeTrace and a streamed file, which answer once, run the same replay and the
 * same analysis (analysisResult.ts) without a session, and keep nothing for a next snapshot.
 */
import { cookieDefaultsFor, type JarDefaults } from '../cookie/browserDefaults.ts';
import type { RecordingBrowser } from '../trace/recordingBrowser.ts';
import type { TraceEvent } from '../trace/types.ts';
import { type AnalysisMemory, SnapshotMemory } from './analysisMemory.ts';
import { analysisOf } from './analysisResult.ts';
import type { RequestFacts, SessionIdentity } from './facts.ts';
import { type PrepassResult, TracePrepass } from './prepass.ts';
import { EventReplay } from './replay.ts';
import type { AnalysisResult, AnalyzeOptions } from './resultTypes.ts';
import { changedEntries } from './rowChanges.ts';
import type { AnalysisSettings } from './settings.ts';
import { withDefaults } from './settings.ts';

export interface SessionOptions extends AnalyzeOptions {
  /** The recording browser (events carry no source): its cookie defaults apply. */
  readonly browser?: RecordingBrowser;
  /**
   * The whole trace's first-pass answers, made beforehand with the same settings over the same events (a file
   * indexed before it is read again): the session then never starts over, and keeps no events.
   */
  readonly prepass?: PrepassResult;
}

/** Which rows a snapshot changed: every one (the first snapshot, or the replay started over), or these entries. */
export type RowChanges = { readonly all: true } | { readonly all: false; readonly entries: readonly number[] };

export interface SessionSnapshot {
  /** What analyzeTrace gives for the events fed so far. Its facts stay as they are when the session goes on. */
  readonly result: AnalysisResult;
  readonly changed: RowChanges;
}

/**
 * Where the whole-trace answers come from: given whole beforehand, or learnt from the events as they come —
 * then the events are kept, to replay them again when the answers change.
 */
type Answers =
  | { readonly kind: 'given'; readonly replay: EventReplay }
  | {
      readonly kind: 'learnt';
      readonly prepass: TracePrepass;
      readonly events: TraceEvent[];
      /** The replay of the first `replayed` events, and the answers it was made with. */
      replay?: { readonly replay: EventReplay; readonly answers: PrepassResult; replayed: number };
    };

export class AnalysisSession {
  private readonly settings: AnalysisSettings;
  private readonly cookieDefaults: JarDefaults;
  private readonly answers: Answers;
  private last: AnalysisResult | undefined;
  /**
   * The last snapshot's request facts by entry, for facts(): indexed when first asked, up to the `indexed` first
   * of them (a session asked for one snapshot, and no details, indexes none).
   */
  private readonly factsByEntry = new Map<number, RequestFacts>();
  private indexed = 0;

  /**
   * `memory`: what one snapshot keeps for the next, so a snapshot costs what is new (analysisMemory.ts). With
   * NoMemory each snapshot is a fresh analysis, and nothing is kept between them.
   */
  constructor(
    private readonly options: SessionOptions = {},
    private readonly memory: AnalysisMemory = new SnapshotMemory(),
  ) {
    this.settings = withDefaults(options.settings);
    this.cookieDefaults = cookieDefaultsFor(options.browser);
    this.answers = options.prepass
      ? { kind: 'given', replay: new EventReplay(this.settings, options.prepass, this.cookieDefaults) }
      : { kind: 'learnt', prepass: new TracePrepass(this.settings), events: [] };
  }

  /** The next recorded events, in trace order. */
  feed(events: Iterable<TraceEvent>): void {
    const answers = this.answers;
    if (answers.kind === 'given') {
      for (const event of events) answers.replay.feed(event);
      return;
    }
    for (const event of events) {
      answers.events.push(event);
      answers.prepass.feed(event);
    }
  }

  /** The analysis of every event fed so far, and the rows that changed since the last snapshot. */
  snapshot(): SessionSnapshot {
    const { replay, restarted } = this.replayUpToDate();
    const result = analysisOf(replay.facts(), this.settings, this.options.values ?? 'redacted', this.memory);
    const before = this.last;
    const changed: RowChanges =
      restarted || before === undefined ? { all: true } : { all: false, entries: changedEntries(before, result) };
    // A replay started over made new facts for every request; otherwise the ones indexed are still the same.
    if (changed.all) {
      this.factsByEntry.clear();
      this.indexed = 0;
    }
    this.last = result;
    return { result, changed };
  }

  /** One request's facts as of the last snapshot (the detail of one row). */
  facts(entry: number): RequestFacts | undefined {
    const requests = this.last?.facts.requests ?? [];
    for (; this.indexed < requests.length; this.indexed++) {
      this.factsByEntry.set(requests[this.indexed]!.entry, requests[this.indexed]!);
    }
    return this.factsByEntry.get(entry);
  }

  /** The replay, fed every event so far; started over when the answers it rests on changed. */
  private replayUpToDate(): { replay: EventReplay; restarted: boolean } {
    const answers = this.answers;
    if (answers.kind === 'given') return { replay: answers.replay, restarted: false };
    const now = answers.prepass.finish();
    let current = answers.replay;
    let restarted = false;
    if (current === undefined || !sameReplayBasis(current.answers, now)) {
      current = { replay: new EventReplay(this.settings, now, this.cookieDefaults), answers: now, replayed: 0 };
      answers.replay = current;
      restarted = true;
    } else {
      // Same names, identities perhaps grown (more evidence): the lanes show the latest.
      current.replay.useIdentities(now.sessionNames);
    }
    const { events } = answers;
    while (current.replayed < events.length) current.replay.feed(events[current.replayed++]!);
    return { replay: current.replay, restarted };
  }
}

/**
 * Whether a replay made with `a` would give what one made with `b` gives: the same session cookie names (and which
 * of them are encrypted stores by behaviour), the same inspected sites, the same "Cookie headers recorded", the same
 * logins confirmed by a later logout (a set that only grows). (The identities' evidence only labels the lanes.)
 */
function sameReplayBasis(a: PrepassResult, b: PrepassResult): boolean {
  return (
    a.cookiesRecorded === b.cookiesRecorded &&
    a.confirmedLogins.size === b.confirmedLogins.size &&
    sameInOrder(a.sessionNames.keys(), b.sessionNames.keys(), a.sessionNames.size, b.sessionNames.size) &&
    sameSealedStores(a.sessionNames, b.sessionNames) &&
    sameInOrder(a.firstPartySites.values(), b.firstPartySites.values(), a.firstPartySites.size, b.firstPartySites.size)
  );
}

/** The same names read as encrypted stores by their values' behaviour: the replay's updates rest on it. */
function sameSealedStores(a: ReadonlyMap<string, SessionIdentity>, b: ReadonlyMap<string, SessionIdentity>): boolean {
  for (const [name, identity] of a) if (identity.sealedStore !== b.get(name)?.sealedStore) return false;
  return true;
}

function sameInOrder(a: Iterator<string>, b: Iterator<string>, sizeA: number, sizeB: number): boolean {
  if (sizeA !== sizeB) return false;
  for (let x = a.next(), y = b.next(); !x.done; x = a.next(), y = b.next()) if (x.value !== y.value) return false;
  return true;
}
