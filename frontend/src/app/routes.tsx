import type { RouteObject } from 'react-router';
import { AppLayout } from '../components/layout/AppLayout';
import { RequireMember } from '../features/auth/components/RequireMember';
import { CartPage } from '../routes/CartPage';
import { CheckEmailPage } from '../routes/CheckEmailPage';
import { CheckoutCompletePage } from '../routes/CheckoutCompletePage';
import { EarningsPage } from '../routes/EarningsPage';
import { ErrorPage } from '../routes/ErrorPage';
import { ExplorePage } from '../routes/ExplorePage';
import { HomePage } from '../routes/HomePage';
import { ItemPage } from '../routes/ItemPage';
import { LikesPage } from '../routes/LikesPage';
import { MemberConnectionsPage } from '../routes/MemberConnectionsPage';
import { MemberProfilePage } from '../routes/MemberProfilePage';
import { MyListingsPage } from '../routes/MyListingsPage';
import { NotFoundPage } from '../routes/NotFoundPage';
import { NotificationsPage } from '../routes/NotificationsPage';
import { OrdersPage } from '../routes/OrdersPage';
import { SavedPage } from '../routes/SavedPage';
import { SettingsPage } from '../routes/SettingsPage';
import { StatusPage } from '../routes/StatusPage';
import { VerifyEmailPage } from '../routes/VerifyEmailPage';
import {
  CheckoutPage,
  DeleteAccountSettings,
  EditListingPage,
  EmailSettings,
  ForgotPasswordPage,
  LoginPage,
  NotificationSettings,
  OrderPage,
  PasswordSettings,
  PrivacySettings,
  ProfileSettings,
  ResetPasswordPage,
  SavedSearchesPage,
  SearchPage,
  SellPage,
  SessionsSettings,
  SignupPage,
} from './lazy-pages';

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
          { path: 'signup', element: <SignupPage /> },
          { path: 'check-email', element: <CheckEmailPage /> },
          { path: 'verify-email', element: <VerifyEmailPage /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'explore', element: <ExplorePage /> },
          { path: 'search', element: <SearchPage /> },
          { path: 'members/:username', element: <MemberProfilePage /> },
          {
            path: 'members/:username/followers',
            element: <MemberConnectionsPage connection="followers" />,
          },
          {
            path: 'members/:username/following',
            element: <MemberConnectionsPage connection="following" />,
          },
          { path: 'items/:id', element: <ItemPage /> },
          {
            element: <RequireMember />,
            children: [
              { path: 'sell', element: <SellPage /> },
              { path: 'items/:id/edit', element: <EditListingPage /> },
              { path: 'my/listings', element: <MyListingsPage /> },
              { path: 'likes', element: <LikesPage /> },
              { path: 'saved', element: <SavedPage /> },
              { path: 'saved-searches', element: <SavedSearchesPage /> },
              { path: 'notifications', element: <NotificationsPage /> },
              { path: 'cart', element: <CartPage /> },
              { path: 'checkout', element: <CheckoutPage /> },
              { path: 'checkout/complete', element: <CheckoutCompletePage /> },
              { path: 'orders', element: <OrdersPage /> },
              { path: 'orders/:id', element: <OrderPage /> },
              { path: 'earnings', element: <EarningsPage /> },
              {
                path: 'settings',
                element: <SettingsPage />,
                children: [
                  { index: true, element: <ProfileSettings /> },
                  { path: 'email', element: <EmailSettings /> },
                  { path: 'password', element: <PasswordSettings /> },
                  { path: 'sessions', element: <SessionsSettings /> },
                  { path: 'notifications', element: <NotificationSettings /> },
                  { path: 'privacy', element: <PrivacySettings /> },
                  { path: 'delete-account', element: <DeleteAccountSettings /> },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
