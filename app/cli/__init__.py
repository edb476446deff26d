"""The command line: a thin layer that parses, calls a service and prints."""
