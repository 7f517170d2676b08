"""Kansrijke Start Wegwijzer: sociale kaart, gemeentepagina's and MamaWegwijzer flyers.

The pipeline, one subpackage per stage; imports point one way (read <- rules <- outputs):

- `read`: data files to merged, typed data (load -> parse -> project -> merge);
- `rules`: judge the merged data (validate, plain language);
- output stages that only read what the read side hands them: `site`, `flyer`, `check`, `export`;
- `edit`: tools for editors (fmt, nieuw, schema, show); `cli`: the `wegwijzer` command.
"""

__version__ = "0.1.0"
