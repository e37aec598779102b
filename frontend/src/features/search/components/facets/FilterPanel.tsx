import type { Facets, SearchSort } from '../../api/search';
import type { LabelSources } from '../../filter-labels';
import {
  DEFAULT_RADIUS_KM,
  type MultiFilter,
  type SearchFilters,
  searchHref,
  toggleValue,
} from '../../search-state';
import { CategoryFacet } from './CategoryFacet';
import { ChoiceFacet } from './ChoiceFacet';
import { LocationFacet } from './LocationFacet';
import { PriceFacet } from './PriceFacet';

interface FilterPanelProps {
  facets: Facets;
  filters: SearchFilters;
  sort: SearchSort;
  sources: LabelSources;
  show: (filters: SearchFilters) => void;
}

/** Every facet of the results, each choice changing the search in the URL. */
export function FilterPanel({ facets, filters, sort, sources, show }: FilterPanelProps) {
  const toggle = (key: MultiFilter) => (value: string) => {
    show(toggleValue(filters, key, value));
  };
  return (
    <div className="space-y-4 [&>:first-child]:border-t-0 [&>:first-child]:pt-0">
      <CategoryFacet
        values={facets.categories}
        chosen={filters.category}
        tree={sources.categories}
        hrefFor={(category) => searchHref({ ...filters, category }, sort)}
      />
      <ChoiceFacet
        legend="Brand"
        plural="brands"
        values={facets.brands}
        chosen={filters.brand}
        onToggle={toggle('brand')}
      />
      <ChoiceFacet
        legend="Size"
        plural="sizes"
        values={facets.sizes}
        chosen={filters.size}
        onToggle={toggle('size')}
        shownAtFirst={12}
      />
      <ChoiceFacet
        legend="Condition"
        plural="conditions"
        values={facets.conditions}
        chosen={filters.condition}
        onToggle={toggle('condition')}
      />
      <ChoiceFacet
        legend="Colour"
        plural="colours"
        values={facets.colors}
        chosen={filters.color}
        onToggle={toggle('color')}
        swatch={(key) => sources.colors?.find((color) => color.key === key)?.hex}
      />
      <PriceFacet
        bands={facets.price_bands}
        min={filters.price_min}
        max={filters.price_max}
        onChange={(price_min, price_max) => {
          show({ ...filters, price_min, price_max });
        }}
      />
      <LocationFacet
        locations={facets.locations}
        country={filters.country}
        city={filters.city}
        onChange={(country, city) => {
          show({ ...filters, country, city });
        }}
        near={
          filters.lat !== null && filters.lon !== null
            ? { lat: filters.lat, lon: filters.lon, radius_km: filters.radius_km }
            : null
        }
        defaultRadiusKm={DEFAULT_RADIUS_KM}
        onNearChange={(near) => {
          show({ ...filters, ...near });
        }}
      />
    </div>
  );
}
