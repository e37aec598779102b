"""Payments: the provider interface, the simulated and Stripe providers, and payment records."""
