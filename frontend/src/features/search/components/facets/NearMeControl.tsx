import { MapPinIcon } from '@heroicons/react/20/solid';
import { useState } from 'react';
import { Button } from '../../../../components/ui/Button';
import { Spinner } from '../../../../components/ui/Spinner';
import { SelectField } from '../../../../components/ui/TextField';

const RADII_KM = [5, 10, 25, 50, 100, 250];
// Two decimals is about a kilometre: near enough to find a town, and no more precise
// than a member would want in a link they share or a search they save.
const COORDINATE_DECIMALS = 2;
// A position a few minutes old is still where the member is, and answers at once.
const POSITION_MAX_AGE_MS = 10 * 60_000;
const POSITION_TIMEOUT_MS = 15_000;

export interface Near {
  lat: number;
  lon: number;
  radius_km: number;
}

interface NearMeControlProps {
  near: Near | null;
  /** The radius to start with, when the member first asks for listings near them. */
  defaultRadiusKm: number;
  onChange: (near: Near) => void;
}

function rounded(degrees: number): number {
  return Number(degrees.toFixed(COORDINATE_DECIMALS));
}

/** "Near me": the browser's position once the member asks, then how far from it. */
export function NearMeControl({ near, defaultRadiusKm, onChange }: NearMeControlProps) {
  const [status, setStatus] = useState<'idle' | 'locating' | 'failed'>('idle');

  function locate() {
    if (!('geolocation' in navigator)) {
      setStatus('failed');
      return;
    }
    setStatus('locating');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setStatus('idle');
        onChange({
          lat: rounded(coords.latitude),
          lon: rounded(coords.longitude),
          radius_km: defaultRadiusKm,
        });
      },
      () => {
        setStatus('failed');
      },
      { maximumAge: POSITION_MAX_AGE_MS, timeout: POSITION_TIMEOUT_MS },
    );
  }

  if (near) {
    const radii = RADII_KM.includes(near.radius_km) ? RADII_KM : [...RADII_KM, near.radius_km];
    return (
      <SelectField
        label="Distance from you"
        value={near.radius_km}
        onChange={(event) => {
          onChange({ ...near, radius_km: Number(event.target.value) });
        }}
      >
        {[...radii]
          .sort((a, b) => a - b)
          .map((km) => (
            <option key={km} value={km}>
              Within {km.toLocaleString('en')} km
            </option>
          ))}
      </SelectField>
    );
  }
  return (
    <div>
      <Button variant="secondary" size="sm" aria-busy={status === 'locating'} onClick={locate}>
        {status === 'locating' ? (
          <Spinner className="size-4" />
        ) : (
          <MapPinIcon className="size-4" aria-hidden="true" />
        )}
        Near me
      </Button>
      {status === 'failed' && (
        <p role="alert" className="mt-1.5 text-sm text-red-700">
          Your browser did not share where you are. Allow it, or choose a country and town.
        </p>
      )}
    </div>
  );
}
