// The page-load row's control: the same webRequest events, filters and extraInfoSpec as Sessionscope's
// background (src/background/index.ts, platform.ts), each listener empty.
const filter = { urls: ['<all_urls>'] };
const bodyFilter = { ...filter, types: ['main_frame', 'sub_frame', 'xmlhttprequest', 'ping', 'object', 'other'] };
const noop = () => undefined;
chrome.webRequest.onBeforeRequest.addListener(noop, bodyFilter, ['requestBody']);
chrome.webRequest.onSendHeaders.addListener(noop, filter, ['requestHeaders', 'extraHeaders']);
chrome.webRequest.onHeadersReceived.addListener(noop, filter, ['responseHeaders', 'extraHeaders']);
chrome.webRequest.onBeforeRedirect.addListener(noop, filter, ['responseHeaders', 'extraHeaders']);
chrome.webRequest.onCompleted.addListener(noop, filter, ['responseHeaders', 'extraHeaders']);
chrome.webRequest.onErrorOccurred.addListener(noop, filter);
chrome.cookies.onChanged.addListener(noop);
