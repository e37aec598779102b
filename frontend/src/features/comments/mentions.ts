/** A run of comment text: plain, or an `@username` that names a member. */
export type CommentPart = { text: string } | { text: string; username: string };

/*
 * The API's own rule (social/mentions.py): `@` not preceded by a word character, `@` or
 * dot, then 3 to 30 letters, digits, dots or underscores; a trailing dot or underscore is
 * punctuation, since usernames cannot end with one.
 */
const MENTION = /(?<![\p{L}\p{N}_@.])@([A-Za-z0-9._]{3,30})/gu;

/**
 * Splits a comment into text and mentions. Only usernames the API resolved (`mentions`,
 * compared without case) become mentions; any other `@word` stays text.
 */
export function splitMentions(body: string, mentions: readonly string[]): CommentPart[] {
  const members = new Map(mentions.map((username) => [username.toLowerCase(), username]));
  const parts: CommentPart[] = [];
  let plainFrom = 0;
  for (const match of body.matchAll(MENTION)) {
    const typed = (match[1] ?? '').replace(/[._]+$/, '');
    const username = members.get(typed.toLowerCase());
    if (typed.length < 3 || !username) continue;
    if (match.index > plainFrom) parts.push({ text: body.slice(plainFrom, match.index) });
    parts.push({ text: `@${typed}`, username });
    plainFrom = match.index + 1 + typed.length;
  }
  if (plainFrom < body.length) parts.push({ text: body.slice(plainFrom) });
  return parts;
}
