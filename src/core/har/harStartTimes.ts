// The one repair of HAR start times, for every reader (whole file, streamed, indexed): an entry with a missing or
// unreadable startedDateTime takes the time of the entry before it in the file (exporters write entries in
// request order), or of the first dated entry after it when it comes first; a file with no dates at all keeps
// file order at time 0. Each repair is noted. Entries are fed in file order and their times given back in file
// order; only the undated entries at the start of a file wait (for the first dated one), so a streamed reader
// holds nothing more than it did.
import type { TraceInputWarning } from '../trace/types.ts';

/** What the repair needs of a readable entry (an EntryDraft has it; the indexer passes just this). */
export interface DatedSlot {
  readonly index: number;
  /** The parsed `startedDateTime`; undefined when it is missing or unreadable. */
  readonly parsedStart: number | undefined;
  /** What was wrong with the field (for a dated entry: a time zone assumed), if anything. */
  readonly startProblem: string | undefined;
  /** The entry's other repairs, noted after its time's. */
  readonly notes: readonly TraceInputWarning[];
}

/** An entry that could not be read: its warning keeps its place in file order. */
export interface SkippedSlot {
  readonly index: number;
  readonly skipped: TraceInputWarning;
}

export type TimeSlot = DatedSlot | SkippedSlot;

/** Receives each entry's start time, in file order; a skipped entry gets the time an entry there would have. */
export type PlaceTime = (index: number, startedAt: number, skipped: boolean) => void;

/**
 * A file of this many dated entries or more, all dated one instant, was no recording of them in time: an API client's
 * export of a collection (Insomnia writes every entry's `startedDateTime` as the export's time), whose responses'
 * Date headers may span days. Its order is the file's, and the reader is told.
 */
const SHARED_START_MIN = 3;

export class StartTimeRepair {
  /** The reader's warnings, in file order: each entry's time repair before its other repairs. */
  readonly warnings: TraceInputWarning[] = [];
  /** Entries before the first dated one: they need its time. */
  private waiting: TimeSlot[] | undefined = [];
  private firstDated: number | undefined;
  private previous: number | undefined;
  /** The dated entries read, the first one's index, and their one start time while they all share it (null after). */
  private dated = 0;
  private firstDatedIndex = 0;
  private sharedStart: number | null | undefined;

  constructor(private readonly place: PlaceTime) {}

  /** The next entry in file order. */
  add(slot: TimeSlot): void {
    if (this.waiting) {
      if ('skipped' in slot || slot.parsedStart === undefined) {
        this.waiting.push(slot);
        return;
      }
      this.firstDated = slot.parsedStart;
      this.flushWaiting();
    }
    this.repair(slot);
  }

  /** Every entry was fed: those still waiting are in a file with no dates at all. */
  end(): void {
    if (this.waiting) this.flushWaiting();
    if (this.dated >= SHARED_START_MIN && this.sharedStart !== null && this.sharedStart !== undefined)
      this.warnings.push({
        where: `log.entries[${this.firstDatedIndex}].startedDateTime`,
        message: `all ${this.dated} entries start at the same instant as this one (an API client's export of its requests, such as Insomnia's or Postman's, which keeps each request's last answer, not when it was sent): the file's order is taken as the order of the requests`,
      });
  }

  private noteDated(index: number, startedAt: number): void {
    if (this.dated++ === 0) this.firstDatedIndex = index;
    if (this.sharedStart === undefined) this.sharedStart = startedAt;
    else if (this.sharedStart !== startedAt) this.sharedStart = null;
  }

  private flushWaiting(): void {
    const waiting = this.waiting ?? [];
    this.waiting = undefined;
    for (const slot of waiting) this.repair(slot);
  }

  private repair(slot: TimeSlot): void {
    if ('skipped' in slot) {
      this.warnings.push(slot.skipped);
      this.place(slot.index, this.previous ?? this.firstDated ?? 0, true);
      return;
    }
    const where = `log.entries[${slot.index}].startedDateTime`;
    let startedAt: number;
    if (slot.parsedStart !== undefined) {
      startedAt = slot.parsedStart;
      this.noteDated(slot.index, startedAt);
      if (slot.startProblem) this.warnings.push({ where, message: slot.startProblem });
    } else {
      startedAt = this.previous ?? this.firstDated ?? 0;
      const from =
        this.previous !== undefined
          ? "the previous entry's time is used"
          : this.firstDated !== undefined
            ? "the first dated entry's time is used"
            : 'no entry has a time; file order is kept';
      this.warnings.push({ where, message: `${slot.startProblem ?? 'startedDateTime is unreadable'}; ${from}` });
    }
    for (const note of slot.notes) this.warnings.push(note);
    this.previous = startedAt;
    this.place(slot.index, startedAt, false);
  }
}
