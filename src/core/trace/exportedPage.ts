/**
 * A page as our exports write it (native `response.page`, HAR `_sessionscope.page`): what the exporter's analysis read
 * of a page its source kept, never the page (native/pageExport.ts writes it), and what a re-import makes of it.
 */
import type { TraceResponse } from './types.ts';

/** A page as exported: the response's `page` (native) or `_sessionscope.page` (HAR). */
export interface PageExport {
  readonly loginForm?: true;
  /** It offers a logout (loginForm.ts offersLogout): a page for a user signed in. */
  readonly offersLogout?: true;
  /** The user names it holds, as the written POSTs show them; absent where the source kept no visible text. */
  readonly names?: readonly string[];
  readonly cut?: true;
}

/** The response fields a re-import gives an exported page: the names it holds as its text, one per line. */
export function pageResponseFields(
  page: PageExport,
): Pick<TraceResponse, 'loginForm' | 'offersLogout' | 'pageText' | 'pageTextCut'> {
  return {
    ...(page.loginForm ? { loginForm: true as const } : {}),
    ...(page.offersLogout ? { offersLogout: true as const } : {}),
    ...(page.names !== undefined ? { pageText: page.names.join('\n') } : {}),
    ...(page.cut ? { pageTextCut: true as const } : {}),
  };
}
