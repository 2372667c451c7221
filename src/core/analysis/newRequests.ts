/**
 * Which requests of a growing replay are new since the last look. A replay only appends request facts, and a
 * replay started over makes new ones: the requests seen before are still there, as the same objects, exactly
 * when the replay went on.
 */
import type { RequestFacts } from './facts.ts';

export class NewRequests {
  private seen = 0;
  private last: RequestFacts | undefined;

  /** The index of the first request not seen before: 0 when these are not the requests seen before. */
  since(requests: readonly RequestFacts[]): number {
    const wentOn = this.seen <= requests.length && (this.seen === 0 || requests[this.seen - 1] === this.last);
    const from = wentOn ? this.seen : 0;
    this.seen = requests.length;
    this.last = requests[requests.length - 1];
    return from;
  }
}
