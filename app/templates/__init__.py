"""Follow-up template files and the report layout (report/)."""
