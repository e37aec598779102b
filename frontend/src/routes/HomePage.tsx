import { HomeHero } from '../features/home/components/HomeHero';
import { SellCallout } from '../features/home/components/SellCallout';
import { ValuePoints } from '../features/home/components/ValuePoints';
import { useDocumentTitle } from '../lib/use-document-title';

export function HomePage() {
  useDocumentTitle(null);
  return (
    <>
      <HomeHero />
      <ValuePoints />
      <SellCallout />
    </>
  );
}
