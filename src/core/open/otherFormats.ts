// Files people open in place of a HAR, told by their first bytes: what each is, and how to get a HAR out of it.
// No reader takes them; "not JSON: unexpected 'P'" would say only what the file is not. Read by openTrace (a file's
// first bytes, before it is read) and readTrace (a whole text the sniffing never saw: standard input, the panel).

/** A format no reader takes: how its start reads, and what to say about it. */
interface OtherFormat {
  /** Whether a file starting with `head` (its first bytes as Latin-1, or its first characters) is one. */
  readonly is: (head: string) => boolean;
  readonly what: string;
}

/**
 * A tnetstring dictionary whose first key is a word (`2911:4:type;4:http;…`): mitmproxy writes its flows so
 * (`mitmdump -w`, `.mitm` files), one dictionary per flow. No JSON document starts with digits and a colon.
 */
const TNETSTRING_DICTIONARY = /^\d{1,10}:\d{1,3}:[A-Za-z_]{1,40};/;

/**
 * Burp Suite's "Save items": an XML document of `<items burpVersion="…">`, after a DOCTYPE that declares it (its
 * `<!ATTLIST items burpVersion …>` is no `<items ` element), within the first bytes.
 */
const BURP_ITEMS = /<items\s[^>]{0,200}burpVersion=/;

/**
 * Charles's JSON session (`.chlsj`): an array of its transactions, each with `protocolVersion` and `host`. A JSON
 * array is no HAR whatever it holds; these fields in its first bytes say whose it is.
 */
const JSON_ARRAY_OF_OBJECTS = /^\s*\[\s*\{/;
const CHARLES_TRANSACTION = [/"protocolVersion"\s*:\s*"HTTP\//, /"host"\s*:/];

/** A Python dict or list of dicts printed with repr() (`{'log': {'version': …`): single-quoted keys are no JSON. */
const PYTHON_REPR = /^\s*(?:\[\s*)?\{\s*'[^'\n]{0,100}'\s*:/;

const GZIP_SECOND_BYTES = new Set([0x8b, 0xfffd]);

/**
 * UTF-16 text: its byte-order mark (FF FE or FE FF, read as Latin-1, or as U+FFFD twice once decoded as UTF-8), or a
 * NUL beside the document's first character (no BOM). PowerShell's `>` writes UTF-16 on Windows PowerShell 5.
 */
const UTF16_START = /^(?:\u00ff\u00fe|\u00fe\u00ff|\ufffd\ufffd|\s?\u0000[{[]|[{[]\u0000)/;

const OTHER_FORMATS: readonly OtherFormat[] = [
  {
    is: (head) => UTF16_START.test(head),
    what: "the file is UTF-16 text (as Windows PowerShell's `>` writes), not UTF-8: save it as UTF-8 (`Get-Content in.har | Set-Content -Encoding utf8 out.har`, or `iconv -f UTF-16 -t UTF-8 in.har > out.har`) and open that",
  },
  {
    // The second byte 0x8b is no UTF-8 text: a file read as text has U+FFFD in its place.
    is: (head) => head.charCodeAt(0) === 0x1f && GZIP_SECOND_BYTES.has(head.charCodeAt(1)),
    what: 'the file is compressed (gzip): decompress it first (gunzip) and open the HAR or trace inside',
  },
  {
    is: (head) => head.startsWith('PK\u0003\u0004'),
    what: 'the file is a ZIP archive (a Fiddler .saz session archive, or a zipped HAR): export Fiddler\'s sessions as a HAR (File › Export Sessions › All Sessions › "HTTPArchive v1.2"), or unzip the archive and open the HAR inside',
  },
  {
    is: (head) => TNETSTRING_DICTIONARY.test(head),
    what: "the file is mitmproxy's flow dump (tnetstrings), not a HAR: mitmproxy 10.1 or later writes its flows as one (`mitmdump -nr FILE --set hardump=flows.har`)",
  },
  {
    is: (head) => JSON_ARRAY_OF_OBJECTS.test(head) && CHARLES_TRANSACTION.every((field) => field.test(head)),
    what: "the file is Charles's JSON session (.chlsj), not a HAR: in Charles, File › Export Session… as an HTTP Archive (.har)",
  },
  {
    is: (head) => PYTHON_REPR.test(head),
    what: "the file is a Python dict printed with single quotes (repr, or print of a dict), not JSON: write it with json.dump (Python's json module) and open that",
  },
  {
    is: (head) => head.trimStart().startsWith('<') && BURP_ITEMS.test(head),
    what: "the file is Burp Suite's saved items (XML), which no reader here takes: record the traffic as a HAR instead (the browser's DevTools: Network › Export HAR; or ZAP, mitmproxy, Charles or Fiddler)",
  },
];

/** What the file is, said as a refusal, when its start is one of the formats above. */
export function otherFormatOf(head: string): string | undefined {
  return OTHER_FORMATS.find((format) => format.is(head))?.what;
}
