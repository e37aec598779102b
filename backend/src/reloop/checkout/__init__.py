"""Checkout: one idempotent request that reserves stock, makes an order per seller and pays."""
