import { Link } from 'react-router';
import { Wordmark } from '../ui/Logo';

const linkClasses = 'rounded text-stone-600 hover:text-brand-800 hover:underline';

export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-8 px-4 py-10 sm:px-6 md:flex-row md:items-start md:justify-between">
        <div className="max-w-sm space-y-3">
          <Wordmark />
          <p className="text-sm leading-6 text-stone-600">
            A marketplace for pre-loved things: clothes, books, electronics and homeware that
            deserve another owner.
          </p>
        </div>
        <nav aria-label="Footer">
          <h2 className="text-sm font-semibold text-stone-900">Reloop</h2>
          <ul className="mt-3 space-y-2 text-sm">
            <li>
              <Link to="/status" className={linkClasses}>
                System status
              </Link>
            </li>
            <li>
              {/* A plain anchor: the API server renders the docs, not this app. */}
              <a href="/api/docs" className={linkClasses}>
                API docs
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <div className="border-t border-stone-100">
        <p className="mx-auto max-w-6xl px-4 py-5 text-xs text-stone-500 sm:px-6">
          © {new Date().getFullYear()} Reloop. Give good things a second life.
        </p>
      </div>
    </footer>
  );
}
