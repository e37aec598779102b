/**
 * Where to go after signing in. Only a path on this site is followed: `//evil.com` and
 * `/\evil.com` are protocol-relative to browsers, so they would leave Reloop.
 */
export function safeNextPath(next: string | null, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  return next;
}
