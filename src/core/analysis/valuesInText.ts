/**
 * Finds known session values inside a URL or header text in time linear in the text, by cutting it into the
 * pieces a value can occupy (query and path-parameter values, path segments) and looking each up in a set.
 * A loop over every known ID per URL would make analysis quadratic on traces where IDs rotate often.
 */

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Candidate substrings: each `&;?#`-separated piece, its value after "=", and its "/"-separated segments. */
export function candidatePieces(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/[&;?#\s,]/)) {
    if (piece === '') continue;
    out.push(piece);
    const eq = piece.indexOf('=');
    if (eq !== -1) {
      const value = piece.slice(eq + 1);
      out.push(value);
      const decoded = safeDecode(value);
      if (decoded !== value) out.push(decoded);
    }
    if (piece.includes('/')) for (const segment of piece.split('/')) if (segment !== '') out.push(segment);
  }
  return out;
}

/** The known values that occur in `text` as a whole piece, longest first. */
export function knownValuesIn(text: string, known: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const piece of candidatePieces(text)) if (known.has(piece)) found.add(piece);
  return [...found].sort((a, b) => b.length - a.length);
}
