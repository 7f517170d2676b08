"""Tools for editors: fmt (canonical layout), nieuw (starter file), schema and field docs, show."""
