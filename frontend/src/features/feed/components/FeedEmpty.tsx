import { PlusIcon } from '@heroicons/react/20/solid';
import { SparklesIcon } from '@heroicons/react/24/outline';
import { ButtonLink } from '../../../components/ui/Button';
import { EmptyState } from '../../listings/components/EmptyState';

/** Said by a feed with nothing in it: only when nobody has listed anything yet. */
export function FeedEmpty() {
  return (
    <EmptyState
      icon={SparklesIcon}
      title="Nothing listed yet"
      action={
        <ButtonLink to="/sell">
          <PlusIcon className="size-4" aria-hidden="true" />
          Sell an item
        </ButtonLink>
      }
    >
      New listings show here as soon as they are published. Why not be the first?
    </EmptyState>
  );
}
