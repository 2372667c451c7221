// HAR with padding: HAR Viewer's `.harp` form, `onInputData({"log": …});`, a JSONP call that lets a page load the
// HAR by a script tag (softwareishard.com's HAR Viewer, and the page-load collections published with it). The JSON
// inside is a HAR like any other: read it, and say that the file was padded.

/** The callback's name and its opening parenthesis: an identifier path (`onInputData`, `HAR.load`), at most 100 long. */
const PADDING_START = /^([A-Za-z_$][\w$.]{0,99})\s*\(/;

const BYTE_ORDER_MARK = '\uFEFF';

export interface PaddedJson {
  /** The JSON text inside the call. */
  readonly inner: string;
  /** The function the file calls with it. */
  readonly callback: string;
}

/** The JSON inside a padded text (`callback( … )`, a `;` after it allowed), or undefined for any other text. */
export function unpadJson(text: string): PaddedJson | undefined {
  let start = text.startsWith(BYTE_ORDER_MARK) ? 1 : 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  const opening = PADDING_START.exec(text.slice(start, start + 128));
  if (opening === null) return undefined;
  let end = text.length;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (text[end - 1] === ';') end--;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (text[end - 1] !== ')') return undefined;
  return { inner: text.slice(start + opening[0].length, end - 1), callback: opening[1]! };
}

/** Whether a file's first bytes open a padded JSON text (openTrace.ts: such a file is read whole, never streamed). */
export function startsPadded(head: string): boolean {
  return unpadJson(`${head.slice(0, 128)})`) !== undefined;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The warning a padded HAR is read with: what was done, and where. */
export function paddingWarning(callback: string): { readonly where: string; readonly message: string } {
  return {
    where: `${callback}(…)`,
    message: `HAR with padding (HAR Viewer's .harp form): the JSON inside ${callback}(…) was read as the HAR`,
  };
}
