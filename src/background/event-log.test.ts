import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../core/trace/types.ts';
import type { RecordedEvent } from '../protocol/messages.ts';
import { EventLog, packEvents, packedText, unpackEvents, unpackEventsText } from './event-log.ts';

function entryEvent(seq: number): RecordedEvent {
  const event: TraceEvent = {
    kind: 'entry',
    entry: {
      index: seq,
      startedAt: 1_767_603_600_000 + seq,
      request: {
        method: 'GET',
        url: `https://app.shop.test/item/${seq}?q=é`,
        headers: [
          { name: 'user-agent', value: 'Mozilla/5.0 (X11; Linux x86_64)' },
          { name: 'cookie', value: `SID=${seq % 7}; theme=dark` },
        ],
      },
      response: { status: 200, headers: [{ name: 'set-cookie', value: `SID=${seq % 7}; Path=/; Secure; HttpOnly` }] },
    },
  };
  return { seq, event, ...(seq % 3 === 0 ? { hop: `r${seq}:abc` } : {}) };
}

describe('EventLog', () => {
  it('packs events older than the hot window and gives every one back, in order and unchanged', () => {
    const log = new EventLog(0, 10, 4);
    const pushed = Array.from({ length: 57 }, (_, seq) => entryEvent(seq));
    for (const recorded of pushed) log.push(recorded);
    expect(log.packedBlocks).toBe(11); // 57 − 10 hot = 47 → 11 whole blocks of 4 (3 stay live)
    expect(log.size).toBe(57);
    expect(log.between(0, 57)).toEqual(pushed);
    // A range that starts inside one packed block and ends inside the live tail.
    expect(log.between(6, 50)).toEqual(pushed.slice(6, 50));
  });

  it('packs blocks ending at multiples of the block size, and keeps a block offered already deflated as it is', () => {
    const packed: number[] = [];
    const log = new EventLog(0, 10, 4, (events) => {
      packed.push(events[0]!.seq);
      return packEvents(events);
    });
    const pushed = Array.from({ length: 40 }, (_, i) => entryEvent(i + 3));
    // The storage mirror deflated the chunk of seqs 8–11 while they were still live.
    for (const recorded of pushed.slice(0, 12)) log.push(recorded);
    const offered = packEvents(pushed.slice(5, 9));
    log.offerPacked(8, offered);
    log.offerPacked(6, packEvents(pushed.slice(3, 7))); // not at a block boundary: ignored
    for (const recorded of pushed.slice(12)) log.push(recorded);
    // 3 (short first block: 3) then 4, 8, 12, …: every block but the offered one was deflated here.
    expect(packed).toEqual([3, 4, 12, 16, 20, 24, 28]);
    expect(log.packedBlocks).toBe(8);
    expect(log.between(0, 100)).toEqual(pushed);
    // An offer for events packed already, or dropped, is ignored.
    log.offerPacked(4, packEvents(pushed.slice(1, 5)));
    expect(log.between(4, 8)).toEqual(pushed.slice(1, 5));
  });

  it('the text a stored chunk is written as reads back to its events', () => {
    const events = Array.from({ length: 25 }, (_, seq) => entryEvent(seq));
    expect(unpackEventsText(packedText(packEvents(events)))).toEqual(events);
  });

  it('drops the oldest across packed blocks and the live tail, counting exactly', () => {
    const log = new EventLog(0, 5, 4);
    const pushed = Array.from({ length: 30 }, (_, seq) => entryEvent(seq));
    for (const recorded of pushed) log.push(recorded);
    log.dropOldest(6); // one whole block and half of the next
    expect(log.firstSeq).toBe(6);
    expect(log.size).toBe(24);
    expect(log.between(0, 100)).toEqual(pushed.slice(6));
    log.dropOldest(22); // into the live tail
    expect(log.between(0, 100)).toEqual(pushed.slice(28));
    log.dropOldest(50);
    expect(log.size).toBe(0);
    expect(log.between(0, 100)).toEqual([]);
    log.push(entryEvent(30));
    expect(log.firstSeq).toBe(30);
  });

  it('refuses an event whose number does not follow the newest', () => {
    const log = new EventLog();
    log.push(entryEvent(4));
    expect(() => log.push(entryEvent(6))).toThrow(/out of order/);
  });

  it('round-trips non-ASCII text through a packed block', () => {
    const events = [entryEvent(1), entryEvent(2)];
    expect(unpackEvents(packEvents(events))).toEqual(events);
  });

  it('behaves like a plain array under any sequence of pushes, drops, clears and reads', () => {
    type Op =
      | { kind: 'push'; n: number }
      | { kind: 'drop'; n: number }
      | { kind: 'clear' }
      | { kind: 'read'; a: number; b: number };
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), n: fc.integer({ min: 1, max: 30 }) }),
      fc.record({ kind: fc.constant('drop' as const), n: fc.integer({ min: 0, max: 25 }) }),
      fc.record({ kind: fc.constant('clear' as const) }),
      fc.record({
        kind: fc.constant('read' as const),
        a: fc.integer({ min: -5, max: 200 }),
        b: fc.integer({ min: -5, max: 200 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(op, { maxLength: 40 }),
        (hot, block, ops: Op[]) => {
          const log = new EventLog(0, hot, block);
          let model: RecordedEvent[] = [];
          let next = 0;
          for (const o of ops) {
            if (o.kind === 'push')
              for (let i = 0; i < o.n; i++) {
                const recorded = entryEvent(next++);
                log.push(recorded);
                model.push(recorded);
              }
            else if (o.kind === 'drop') {
              log.dropOldest(o.n);
              model = model.slice(o.n);
            } else if (o.kind === 'clear') {
              log.clear(next);
              model = [];
            } else {
              expect(log.between(o.a, o.b)).toEqual(model.filter((e) => e.seq >= o.a && e.seq < o.b));
            }
            expect(log.size).toBe(model.length);
            if (model.length > 0) expect(log.firstSeq).toBe(model[0]!.seq);
          }
          expect(log.between(-1, next + 1)).toEqual(model);
        },
      ),
      { numRuns: 300 },
    );
  });
});
