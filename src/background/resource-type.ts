// Maps the webRequest `type` of a request (both browsers' names) to the trace's ResourceType.
import type { ResourceType } from '../core/trace/types.ts';

/** webRequest.ResourceType → trace ResourceType; names not listed here become 'other'. */
const RESOURCE_TYPE_BY_WEBREQUEST_TYPE: Readonly<Record<string, ResourceType>> = {
  main_frame: 'document',
  sub_frame: 'subdocument',
  xmlhttprequest: 'xhr',
  script: 'script',
  stylesheet: 'stylesheet',
  image: 'image',
  imageset: 'image',
  font: 'font',
  media: 'media',
  websocket: 'websocket',
  ping: 'ping',
  beacon: 'ping',
  csp_report: 'ping',
};

export function resourceTypeOf(webRequestType: string): ResourceType {
  return RESOURCE_TYPE_BY_WEBREQUEST_TYPE[webRequestType] ?? 'other';
}
