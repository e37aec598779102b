import { describe, expect, it } from 'vitest';
import { splitMentions } from './mentions';

describe('splitMentions', () => {
  it('makes mentions of the given members, whatever their case, and leaves the rest', () => {
    expect(splitMentions('Thanks @Ada, and @nobody too', ['ada'])).toEqual([
      { text: 'Thanks ' },
      { text: '@Ada', username: 'ada' },
      { text: ', and @nobody too' },
    ]);
  });

  it('leaves the dot or underscore that ends a mention as punctuation', () => {
    expect(splitMentions('Ask @ada.', ['ada'])).toEqual([
      { text: 'Ask ' },
      { text: '@ada', username: 'ada' },
      { text: '.' },
    ]);
  });

  it.each([
    ['an email address', 'write to me@ada.com'],
    ['a name too short', '@al is here'],
    ['a mention of nobody', '@grace'],
  ])('keeps %s as text', (_, body) => {
    expect(splitMentions(body, ['ada', 'al'])).toEqual([{ text: body }]);
  });
});
