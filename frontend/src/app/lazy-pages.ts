import { lazy } from 'react';

// Pages with forms load on demand: the form and validation libraries stay out of the
// bundle every visitor downloads first (checkout and the order page among them). So do the
// search pages, whose filter panel, drawer and dialogs only searches need. AppLayout's
// Suspense shows while one loads.
export const SignupPage = lazy(() =>
  import('../routes/SignupPage').then((module) => ({ default: module.SignupPage })),
);
export const LoginPage = lazy(() =>
  import('../routes/LoginPage').then((module) => ({ default: module.LoginPage })),
);
export const ForgotPasswordPage = lazy(() =>
  import('../routes/ForgotPasswordPage').then((module) => ({
    default: module.ForgotPasswordPage,
  })),
);
export const ResetPasswordPage = lazy(() =>
  import('../routes/ResetPasswordPage').then((module) => ({ default: module.ResetPasswordPage })),
);
export const ProfileSettings = lazy(() =>
  import('../features/profile/components/settings/ProfileSettings').then((module) => ({
    default: module.ProfileSettings,
  })),
);
export const EmailSettings = lazy(() =>
  import('../features/profile/components/settings/EmailSettings').then((module) => ({
    default: module.EmailSettings,
  })),
);
export const PasswordSettings = lazy(() =>
  import('../features/profile/components/settings/PasswordSettings').then((module) => ({
    default: module.PasswordSettings,
  })),
);
export const SessionsSettings = lazy(() =>
  import('../features/profile/components/settings/SessionsSettings').then((module) => ({
    default: module.SessionsSettings,
  })),
);
export const NotificationSettings = lazy(() =>
  import('../features/notifications/components/NotificationSettings').then((module) => ({
    default: module.NotificationSettings,
  })),
);
export const PrivacySettings = lazy(() =>
  import('../features/social/components/PrivacySettings').then((module) => ({
    default: module.PrivacySettings,
  })),
);
export const DeleteAccountSettings = lazy(() =>
  import('../features/profile/components/settings/DeleteAccountSettings').then((module) => ({
    default: module.DeleteAccountSettings,
  })),
);
export const SellPage = lazy(() =>
  import('../routes/SellPage').then((module) => ({ default: module.SellPage })),
);
export const EditListingPage = lazy(() =>
  import('../routes/EditListingPage').then((module) => ({ default: module.EditListingPage })),
);
export const SearchPage = lazy(() =>
  import('../routes/SearchPage').then((module) => ({ default: module.SearchPage })),
);
export const SavedSearchesPage = lazy(() =>
  import('../routes/SavedSearchesPage').then((module) => ({ default: module.SavedSearchesPage })),
);
export const CheckoutPage = lazy(() =>
  import('../routes/CheckoutPage').then((module) => ({ default: module.CheckoutPage })),
);
export const OrderPage = lazy(() =>
  import('../routes/OrderPage').then((module) => ({ default: module.OrderPage })),
);
