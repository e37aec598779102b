import { CheckIcon, ChevronRightIcon } from '@heroicons/react/20/solid';
import { forwardRef, Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '../../../../components/ui/Button';
import { FieldsetFrame } from '../../../../components/ui/FieldsetFrame';
import { type CategoryNode, categoryPath } from '../../api/taxonomy';

interface CategoryPickerProps {
  tree: CategoryNode[];
  /** The chosen category's id, or '' for none yet. */
  value: string;
  onChange: (category: CategoryNode) => void;
  error?: string | undefined;
}

const crumbClasses =
  'rounded-md px-1.5 py-0.5 font-semibold text-brand-700 hover:bg-brand-50 hover:text-brand-900';

/**
 * Drill down the category tree, group by group, to a category that can hold listings (a
 * leaf): groups open, leaves are chosen. Breadcrumbs go back up. Once chosen, the path is
 * shown with a button to change it.
 */
export const CategoryPicker = forwardRef<HTMLFieldSetElement, CategoryPickerProps>(
  function CategoryPicker({ tree, value, onChange, error }, ref) {
    const chosenPath = useMemo(
      () => (value ? (categoryPath(tree, value) ?? []) : []),
      [tree, value],
    );
    // The groups opened, root first; null while the chosen category is shown instead.
    const [trail, setTrail] = useState<CategoryNode[] | null>(null);
    const listRef = useRef<HTMLUListElement>(null);
    const changeRef = useRef<HTMLButtonElement>(null);
    // Where the keyboard focus goes once the next view is on screen.
    const focusNext = useRef<'list' | 'change' | null>(null);

    const browsing = trail !== null || chosenPath.length === 0;
    const opened = trail ?? [];
    const options = opened.at(-1)?.children ?? tree;

    useEffect(() => {
      const target = focusNext.current;
      focusNext.current = null;
      if (target === 'list') listRef.current?.querySelector('button')?.focus();
      if (target === 'change') changeRef.current?.focus();
    }, [trail, value]);

    const open = (path: CategoryNode[]) => {
      focusNext.current = 'list';
      setTrail(path);
    };

    const choose = (category: CategoryNode) => {
      focusNext.current = 'change';
      setTrail(null);
      onChange(category);
    };

    const chosen = chosenPath.at(-1);

    return (
      <FieldsetFrame ref={ref} legend="Category" error={error}>
        {!browsing && chosen ? (
          <div className="flex items-center justify-between gap-3 rounded-xl bg-white px-4 py-3 ring-1 ring-stone-300">
            <div className="min-w-0">
              <p className="truncate text-xs text-stone-600">
                {chosenPath
                  .slice(0, -1)
                  .map((node) => node.name)
                  .join(' › ')}
              </p>
              <p className="font-semibold text-stone-900">{chosen.name}</p>
            </div>
            <Button
              ref={changeRef}
              variant="secondary"
              size="sm"
              onClick={() => {
                open(chosenPath.slice(0, -1));
              }}
            >
              Change
            </Button>
          </div>
        ) : (
          <div
            className={`overflow-hidden rounded-xl bg-white ring-1 ${error ? 'ring-red-600' : 'ring-stone-300'}`}
          >
            <nav
              aria-label="Category path"
              className="flex flex-wrap items-center gap-x-0.5 gap-y-1 border-b border-stone-200 bg-stone-50 px-2.5 py-2 text-sm"
            >
              <button
                type="button"
                onClick={() => {
                  open([]);
                }}
                aria-current={opened.length === 0 ? 'location' : undefined}
                className={crumbClasses}
              >
                All categories
              </button>
              {opened.map((node, index) => (
                <Fragment key={node.id}>
                  <ChevronRightIcon className="size-4 text-stone-400" aria-hidden="true" />
                  <button
                    type="button"
                    onClick={() => {
                      open(opened.slice(0, index + 1));
                    }}
                    aria-current={index === opened.length - 1 ? 'location' : undefined}
                    className={crumbClasses}
                  >
                    {node.name}
                  </button>
                </Fragment>
              ))}
            </nav>
            <ul ref={listRef} className="max-h-80 divide-y divide-stone-100 overflow-y-auto">
              {options.map((node) => (
                <li key={node.id}>
                  <button
                    type="button"
                    onClick={() => {
                      if (node.is_leaf) choose(node);
                      else open([...opened, node]);
                    }}
                    className="flex w-full items-center justify-between gap-3 px-4 py-3 text-left text-sm font-medium text-stone-800 hover:bg-stone-50 focus-visible:-outline-offset-3"
                  >
                    {node.name}
                    {!node.is_leaf && (
                      <span className="sr-only">, {node.children.length} subcategories</span>
                    )}
                    {node.is_leaf ? (
                      node.id === value && (
                        <CheckIcon className="size-5 text-brand-700" aria-label="chosen" />
                      )
                    ) : (
                      <ChevronRightIcon className="size-5 text-stone-400" aria-hidden="true" />
                    )}
                  </button>
                </li>
              ))}
            </ul>
            {chosen && (
              <div className="border-t border-stone-200 px-3 py-2 text-right">
                <button
                  type="button"
                  onClick={() => {
                    focusNext.current = 'change';
                    setTrail(null);
                  }}
                  className="rounded-md px-2 py-1 text-sm font-semibold text-stone-700 hover:bg-stone-100"
                >
                  Keep {chosen.name}
                </button>
              </div>
            )}
          </div>
        )}
      </FieldsetFrame>
    );
  },
);
