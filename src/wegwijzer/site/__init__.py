"""The site stage: the MkDocs plugin and templates that make the gemeentepagina's and the sociale kaart."""
