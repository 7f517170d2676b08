"""Kansrijke Start Wegwijzer: sociale kaart, gemeentepagina's and MamaWegwijzer flyers.

The pipeline, one module per stage: `load` (YAML with positions) -> `parse` (file models) ->
`merge` (landelijk, regio, gemeente) -> `validate` (rules) -> output stages.
"""

__version__ = "0.1.0"
