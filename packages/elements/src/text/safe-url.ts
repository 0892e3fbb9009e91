/**
 * Which URLs a post may link to. Only absolute `http:`, `https:` and `mailto:` URLs, as the URL
 * parser (not a regular expression) understands them: `new URL` strips tabs and newlines, lower-
 * cases the scheme and rejects relative and protocol-relative URLs (no base is given), so
 * `JaVa\tScRiPt:`, `//evil.example` and `/path` all fail here. Everything else renders as text.
 */

const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** Long enough for real links, short enough that a post cannot make the browser work hard. */
export const MAX_URL_LENGTH = 2048;

export interface SafeUrl {
  /** The URL as the parser serialised it: what `href` gets, and what a hover shows. */
  href: string;
  protocol: 'http:' | 'https:' | 'mailto:';
  /** The host (punycode for international names) of http(s) URLs; the address of mailto URLs. */
  destination: string;
}

/** The URL if it may be linked to, else undefined. */
export function safeUrl(raw: string): SafeUrl | undefined {
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return undefined;
  if (url.protocol === 'mailto:') {
    const address = decodeSafely(url.pathname);
    if (!address.includes('@')) return undefined;
    return { href: url.href, protocol: 'mailto:', destination: address };
  }
  if (!url.hostname) return undefined;
  // Credentials in a link are only ever used to disguise its destination (`https://bank.example@evil.example`).
  if (url.username || url.password) return undefined;
  return { href: url.href, protocol: url.protocol as 'http:' | 'https:', destination: url.hostname };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
