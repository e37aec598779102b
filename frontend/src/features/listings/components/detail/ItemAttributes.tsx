import type { ReactNode } from 'react';
import { formatDate } from '../../../../lib/format';
import { countryName } from '../../../profile/countries';
import type { ItemDetail } from '../../api/items';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_minmax(0,1fr)] gap-3 py-3 sm:grid-cols-[8rem_minmax(0,1fr)]">
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className="text-sm font-medium break-words text-stone-900">{children}</dd>
    </div>
  );
}

/** The facts of a listing, as a list of labelled values. */
export function ItemAttributes({ item }: { item: ItemDetail }) {
  return (
    <dl className="divide-y divide-stone-200 border-y border-stone-200">
      {item.brand && <Row label="Brand">{item.brand.name}</Row>}
      {item.size && <Row label="Size">{item.size.label}</Row>}
      <Row label="Condition">
        {item.condition.name}
        <span className="mt-0.5 block text-sm font-normal text-stone-600">
          {item.condition.description}
        </span>
      </Row>
      <Row label={item.colors.length === 1 ? 'Colour' : 'Colours'}>
        <span className="flex flex-wrap gap-x-3 gap-y-1">
          {item.colors.map((color) => (
            <span key={color.key} className="inline-flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className="size-3.5 rounded-full ring-1 ring-stone-900/20 ring-inset"
                style={{ backgroundColor: color.hex }}
              />
              {color.name}
            </span>
          ))}
        </span>
      </Row>
      <Row label="Category">{[...item.category.path].join(' › ')}</Row>
      <Row label="Ships from">
        {item.location.city}, {countryName(item.location.country)}
      </Row>
      {item.quantity > 1 && <Row label="Available">{`${item.available} of ${item.quantity}`}</Row>}
      <Row label={item.published_at ? 'Listed' : 'Created'}>
        {formatDate(item.published_at ?? item.created_at)}
      </Row>
    </dl>
  );
}
