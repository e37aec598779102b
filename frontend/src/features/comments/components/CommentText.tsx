import { Fragment } from 'react';
import { Link } from 'react-router';
import { splitMentions } from '../mentions';

interface CommentTextProps {
  body: string;
  /** Usernames the API found to be members; only these become links. */
  mentions: readonly string[];
}

/** A comment's words as plain text, its member mentions as links to their profiles. */
export function CommentText({ body, mentions }: CommentTextProps) {
  return (
    <p className="text-sm leading-6 break-words whitespace-pre-line text-stone-800">
      {splitMentions(body, mentions).map((part, index) =>
        'username' in part ? (
          <Link
            key={index}
            to={`/members/${part.username}`}
            className="font-semibold text-brand-700 hover:underline"
          >
            {part.text}
          </Link>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </p>
  );
}
