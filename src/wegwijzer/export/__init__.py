"""`wegwijzer export hsds|xlsx|csv --out PAD`: the merged data for other systems and people.

- `hsds`: Open Referral HSDS 3.0 as JSON (`hsds.json`) and as a tabular data package
  (`datapackage.json` with one CSV per table), see `hsds.py`;
- `xlsx`: one workbook with, per regio, an overview and a list of every interventie x
  gemeente (offered or not, with the reason, provider and last check), see `sheet.py`;
- `csv`: that list as one CSV per regio.
"""

from __future__ import annotations

from pathlib import Path

from wegwijzer.diagnostics import WegwijzerFout
from wegwijzer.rules.validate import Resultaat

FORMATS = ("hsds", "xlsx", "csv")


def export(result: Resultaat, formaat: str, out: Path) -> list[Path]:
    from wegwijzer.export import hsds, sheet

    writers = {"hsds": hsds.write, "xlsx": sheet.write_xlsx, "csv": sheet.write_csv}
    try:
        return writers[formaat](result.gemeenten, out)
    except OSError as exc:
        raise WegwijzerFout(f"kan niet schrijven naar '{out}' ({exc.strerror})") from exc
