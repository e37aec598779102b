import {
  CalendarDaysIcon,
  MapPinIcon,
  PencilSquareIcon,
  StarIcon,
} from '@heroicons/react/20/solid';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ButtonLink } from '../../../components/ui/Button';
import { MemberAvatar } from '../../../components/ui/MemberAvatar';
import { formatMonthYear } from '../../../lib/format';
import type { PublicProfile } from '../api/public-profile';
import { countryName } from '../countries';

const countFormat = new Intl.NumberFormat('en');
const ratingFormat = new Intl.NumberFormat('en', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

function plural(count: number, one: string, many: string): string {
  return `${countFormat.format(count)} ${count === 1 ? one : many}`;
}

function Rating({ rating, reviewCount }: { rating: number | null; reviewCount: number }) {
  if (rating === null) return <span className="text-stone-600">No reviews yet</span>;
  return (
    <span className="inline-flex items-center gap-1.5">
      <StarIcon className="size-5 text-accent-400" aria-hidden="true" />
      <span className="font-semibold text-stone-900">{ratingFormat.format(rating)}</span>
      <span className="sr-only">out of 5</span>
      <span className="text-stone-600">({plural(reviewCount, 'review', 'reviews')})</span>
    </span>
  );
}

interface Stat {
  label: string;
  value: number;
  /** Where the number leads, with what it counts for the link's name. */
  link?: { to: string; noun: string };
}

function StatCell({ label, value, link }: Stat) {
  const number = countFormat.format(value);
  return (
    <div className="relative flex flex-col-reverse px-3 py-3 text-center has-[a:hover]:bg-stone-100">
      <dt className="text-xs font-medium text-stone-600">{label}</dt>
      <dd className="text-lg font-bold text-stone-900 tabular-nums">
        {link ? (
          <Link
            to={link.to}
            aria-label={`${number} ${link.noun}`}
            className="after:absolute after:inset-0"
          >
            {number}
          </Link>
        ) : (
          number
        )}
      </dd>
    </div>
  );
}

interface PublicProfileViewProps {
  profile: PublicProfile;
  /** The signed-in member is looking at their own profile. */
  isOwn: boolean;
  /** What the viewer can do about someone else, such as follow them. */
  actions?: ReactNode;
}

export function PublicProfileView({ profile, isOwn, actions }: PublicProfileViewProps) {
  const { counts } = profile;
  const base = `/members/${profile.username}`;
  const followerNoun = counts.followers === 1 ? 'follower' : 'followers';
  const stats: Stat[] = [
    { label: counts.listings === 1 ? 'Listing' : 'Listings', value: counts.listings },
    {
      label: counts.followers === 1 ? 'Follower' : 'Followers',
      value: counts.followers,
      link: { to: `${base}/followers`, noun: followerNoun },
    },
    {
      label: 'Following',
      value: counts.following,
      link: { to: `${base}/following`, noun: 'following' },
    },
  ];

  return (
    <article className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-stone-200">
      <div className="h-24 bg-gradient-to-r from-brand-100 via-brand-50 to-accent-300/40 sm:h-32" />
      <div className="px-5 pb-8 sm:px-8">
        <div className="-mt-10 flex flex-wrap items-end justify-between gap-4 sm:-mt-12">
          <MemberAvatar
            name={profile.display_name}
            avatar={profile.avatar}
            sizes="96px"
            className="size-20 text-3xl ring-4 ring-white sm:size-24 sm:text-4xl"
          />
          {isOwn ? (
            <ButtonLink to="/settings" variant="secondary" size="sm">
              <PencilSquareIcon className="size-4" aria-hidden="true" />
              Edit profile
            </ButtonLink>
          ) : (
            actions
          )}
        </div>
        <h1 className="mt-4 text-2xl font-bold tracking-tight break-words text-stone-900 sm:text-3xl">
          {profile.display_name}
        </h1>
        <p className="mt-0.5 flex flex-wrap items-center gap-2 text-stone-600">
          <span className="break-all">@{profile.username}</span>
          {profile.viewer?.follows_you && (
            <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-semibold text-stone-700">
              Follows you
            </span>
          )}
        </p>

        <ul className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm text-stone-700">
          {profile.location && (
            <li className="flex items-center gap-1.5">
              <MapPinIcon className="size-4 text-stone-500" aria-hidden="true" />
              {profile.location.city}, {countryName(profile.location.country)}
            </li>
          )}
          <li className="flex items-center gap-1.5">
            <CalendarDaysIcon className="size-4 text-stone-500" aria-hidden="true" />
            Joined {formatMonthYear(profile.joined_at)}
          </li>
          <li>
            <Rating rating={profile.rating} reviewCount={profile.review_count} />
          </li>
        </ul>

        {profile.bio && (
          <p className="mt-5 max-w-2xl text-base leading-7 break-words whitespace-pre-line text-stone-800">
            {profile.bio}
          </p>
        )}

        <dl className="mt-6 grid max-w-md grid-cols-3 divide-x divide-stone-200 overflow-hidden rounded-xl bg-stone-50 ring-1 ring-stone-200">
          {stats.map((stat) => (
            <StatCell key={stat.label} {...stat} />
          ))}
        </dl>
      </div>
    </article>
  );
}
