"""Reviews: buyers rate sellers after a completed order; sellers reply once."""
