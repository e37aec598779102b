import { SelectField } from '../../../../components/ui/TextField';
import { countryName } from '../../../profile/countries';
import type { LocationFacet as LocationCount } from '../../api/search';
import { FacetGroup } from './FacetGroup';
import { type Near, NearMeControl } from './NearMeControl';

interface LocationFacetProps {
  locations: LocationCount[];
  country: string | null;
  city: string | null;
  onChange: (country: string | null, city: string | null) => void;
  near: Near | null;
  defaultRadiusKm: number;
  onNearChange: (near: Near) => void;
}

interface CountryTotal {
  code: string;
  count: number;
  cities: { city: string; count: number }[];
}

/** The facet's (country, city) counts, grouped by country, most results first. */
function byCountry(locations: LocationCount[]): CountryTotal[] {
  const countries = new Map<string, CountryTotal>();
  for (const { country, city, count } of locations) {
    const total = countries.get(country) ?? { code: country, count: 0, cities: [] };
    total.count += count;
    total.cities.push({ city, count });
    countries.set(country, total);
  }
  return [...countries.values()].sort((a, b) => b.count - a.count);
}

/** Where the items are: near the member, or in a country, then a town in it. */
export function LocationFacet({
  locations,
  country,
  city,
  onChange,
  near,
  defaultRadiusKm,
  onNearChange,
}: LocationFacetProps) {
  const countries = byCountry(locations);
  const chosenCountry = countries.find((total) => total.code === country);
  return (
    <FacetGroup legend="Location">
      <div className="space-y-3">
        <NearMeControl near={near} defaultRadiusKm={defaultRadiusKm} onChange={onNearChange} />
        {(countries.length > 0 || country) && (
          <SelectField
            label="Country"
            value={country ?? ''}
            onChange={(event) => {
              onChange(event.target.value || null, null);
            }}
          >
            <option value="">Any country</option>
            {country && !chosenCountry && <option value={country}>{countryName(country)}</option>}
            {countries.map((total) => (
              <option key={total.code} value={total.code}>
                {countryName(total.code)} ({total.count.toLocaleString('en')})
              </option>
            ))}
          </SelectField>
        )}
        {country && (
          <SelectField
            label="Town or city"
            value={city ?? ''}
            onChange={(event) => {
              onChange(country, event.target.value || null);
            }}
          >
            <option value="">Anywhere in {countryName(country)}</option>
            {city && !chosenCountry?.cities.some((entry) => entry.city === city) && (
              <option value={city}>{city}</option>
            )}
            {chosenCountry?.cities.map((entry) => (
              <option key={entry.city} value={entry.city}>
                {entry.city} ({entry.count.toLocaleString('en')})
              </option>
            ))}
          </SelectField>
        )}
      </div>
    </FacetGroup>
  );
}
