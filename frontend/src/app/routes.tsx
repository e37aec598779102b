import type { RouteObject } from 'react-router';
import { AppLayout } from '../components/layout/AppLayout';
import { ErrorPage } from '../routes/ErrorPage';
import { HomePage } from '../routes/HomePage';
import { NotFoundPage } from '../routes/NotFoundPage';
import { StatusPage } from '../routes/StatusPage';

/**
 * Two error boundaries: the inner one catches page failures and keeps the header and footer;
 * the outer one catches a failing layout and renders a page that needs nothing else.
 */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <ErrorPage standalone />,
    children: [
      {
        errorElement: <ErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'status', element: <StatusPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
