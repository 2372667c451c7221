// The one start-time repair: undated entries take the previous entry's time, or the first dated one's when they
// come first; a file with no dates keeps file order at 0; a skipped entry's warning keeps its place.
import { describe, expect, it } from 'vitest';
import type { TraceInputWarning } from '../trace/types.ts';
import { StartTimeRepair, type TimeSlot } from './harStartTimes.ts';

function repaired(slots: readonly TimeSlot[]) {
  const times: [number, number, boolean][] = [];
  const repair = new StartTimeRepair((index, startedAt, skipped) => times.push([index, startedAt, skipped]));
  for (const slot of slots) repair.add(slot);
  repair.end();
  return { times, warnings: repair.warnings };
}

const dated = (index: number, at: number, notes: TraceInputWarning[] = []): TimeSlot => ({
  index,
  parsedStart: at,
  startProblem: undefined,
  notes,
});
const undated = (index: number): TimeSlot => ({
  index,
  parsedStart: undefined,
  startProblem: 'startedDateTime is missing',
  notes: [],
});
const skipped = (index: number): TimeSlot => ({ index, skipped: { where: `log.entries[${index}]`, message: 'x' } });

describe('StartTimeRepair', () => {
  it('a file whose dated entries all start at one instant is said to be no recording in time (an API client export)', () => {
    // Insomnia writes every entry's startedDateTime as the export's time; a Django REST login, refresh and logout
    // days apart (by their answers' Date headers) read as one instant.
    const said = (slots: readonly TimeSlot[]) => repaired(slots).warnings.map((w) => w.where);
    expect(said([dated(0, 500), dated(1, 500), undated(2), dated(3, 500)])).toEqual([
      'log.entries[2].startedDateTime',
      'log.entries[0].startedDateTime',
    ]);
    expect(repaired([dated(0, 500), dated(1, 500), dated(2, 500)]).warnings[0]!.message).toContain('all 3 entries');
    // Two entries may share a start (requests sent together), and one other start is a timeline.
    expect(said([dated(0, 500), dated(1, 500)])).toEqual([]);
    expect(said([dated(0, 500), dated(1, 500), dated(2, 501)])).toEqual([]);
  });

  it('undated entries before the first dated one take its time, in file order', () => {
    const { times, warnings } = repaired([undated(0), skipped(1), undated(2), dated(3, 500), undated(4)]);
    expect(times).toEqual([
      [0, 500, false],
      [1, 500, true],
      [2, 500, false],
      [3, 500, false],
      [4, 500, false],
    ]);
    expect(warnings.map((w) => `${w.where}: ${w.message}`)).toEqual([
      "log.entries[0].startedDateTime: startedDateTime is missing; the first dated entry's time is used",
      'log.entries[1]: x',
      "log.entries[2].startedDateTime: startedDateTime is missing; the previous entry's time is used",
      "log.entries[4].startedDateTime: startedDateTime is missing; the previous entry's time is used",
    ]);
  });

  it('a file with no dates keeps file order at time 0', () => {
    const { times, warnings } = repaired([undated(0), undated(1)]);
    expect(times).toEqual([
      [0, 0, false],
      [1, 0, false],
    ]);
    expect(warnings[0]?.message).toBe('startedDateTime is missing; no entry has a time; file order is kept');
  });

  it("an entry's time repair comes before its other repairs", () => {
    const note = { where: 'log.entries[0].request.method', message: 'read as GET' };
    const slot: TimeSlot = { index: 0, parsedStart: 7, startProblem: 'no time zone', notes: [note] };
    expect(repaired([slot]).warnings).toEqual([
      { where: 'log.entries[0].startedDateTime', message: 'no time zone' },
      note,
    ]);
  });
});
