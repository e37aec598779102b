import { PageLoading } from '../components/layout/PageLoading';
import { useMe } from '../features/auth/hooks/useMe';
import { HomeFeed } from '../features/feed/components/HomeFeed';
import { PopularPreview } from '../features/feed/components/PopularPreview';
import { HomeHero } from '../features/home/components/HomeHero';
import { SellCallout } from '../features/home/components/SellCallout';
import { ValuePoints } from '../features/home/components/ValuePoints';
import { useDocumentTitle } from '../lib/use-document-title';

/** Members get their feed; visitors the landing page, with what is popular. */
export function HomePage() {
  useDocumentTitle(null);
  const { data: member, isPending } = useMe();

  if (isPending) return <PageLoading />;
  if (member) {
    return (
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
        <HomeFeed />
      </div>
    );
  }
  return (
    <>
      <HomeHero />
      <PopularPreview />
      <ValuePoints />
      <SellCallout />
    </>
  );
}
