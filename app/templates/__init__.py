"""Follow-up template files and the report layout (report/).

The templates are uppfoljningsmall-<version>.yaml, one file per version, read
by app.services.template_format.
"""
