"""Email machinery with no domain knowledge: templates and the SMTP transport."""
