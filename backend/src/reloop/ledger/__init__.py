"""The double-entry ledger: postings for payments, fees, payouts and refunds, and balances."""
