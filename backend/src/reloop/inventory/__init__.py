"""Stock held by checkouts: reservations under row locks or versions, and their release."""
