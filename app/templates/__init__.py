"""Shipped follow-up templates (uppfoljningsmall-<version>.yaml), one file per
version, read by app.services.template_format."""
