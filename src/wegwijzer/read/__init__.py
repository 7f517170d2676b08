"""The read side: data files to merged, typed data (load, parse, project, merge; value types; site settings)."""
