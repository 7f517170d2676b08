"""What of an entry is published where: the one rule for "unverified".

An entry is **geverifieerd** (verified) when someone checked it (``gecontroleerd`` has a date)
and nobody marked a doubt (``onzeker`` is empty). From that:

- **shown** (`toon`): every entry is shown on the site, a doubtful one with "Nog niet
  (alles) gecontroleerd", so professionals know it exists;
- **dialable** (`belbaar`): its numbers are call buttons (``tel:``, WhatsApp) only when it
  is verified: a parent does not dial with one tap a number nobody checked;
- **printed** (`drukbaar`): it goes on a flyer only when it is dialable. Paper is never less
  strict than the web: a wrong number on paper cannot be recalled. A proof
  (``wegwijzer flyers --concept``) prints doubtful entries too, and says CONCEPT on every page.

Spoedhulp (``spoed: ja``: 112, Veilig Thuis, 113) is always dialable and always printed, also
when it carries no ``gecontroleerd`` date: a flyer or page without the emergency numbers is
worse than one whose date is missing (validate warns about the date). A partner organisation
on a flyer is a name only, without a number, and is always printed.

The site (templates, through `wegwijzer.site.feiten`), the flyer (`flyer_vermeldingen`), the
checker and the exports all ask this module.
"""

from __future__ import annotations

import datetime as dt

from dataclasses import dataclass, field
from typing import Any

from wegwijzer.diagnostics import Plek
from wegwijzer.read.models import ContactSoort, Entry

#: Contacts of a gemeente that its flyer shows, in this order.
CONTACT_SOORTEN = (ContactSoort.CJG, ContactSoort.JGZ, ContactSoort.SOCIAAL_TEAM)


#: After this long without a check, an entry is due for one (validate warns, `check
#: --versheid` lists it, and the sociale kaart marks its card "nog niet opnieuw gecontroleerd").
MAX_AGE = dt.timedelta(days=365)


def verlopen(item: Entry, vandaag: dt.date) -> bool:
    """True when the entry was checked more than `MAX_AGE` before `vandaag` (a date in the
    future is an error of its own, not an old check)."""
    checked = getattr(item, "gecontroleerd", None)
    return checked is not None and checked <= vandaag and vandaag - checked > MAX_AGE


def spoed(item: Entry) -> bool:
    return bool(getattr(item, "spoed", False))


def geverifieerd(item: Entry) -> bool:
    """Checked at least once (``gecontroleerd``) and no doubt noted (``onzeker``)."""
    return not item.onzeker and item.gecontroleerd is not None


def onzeker(item: Entry) -> bool:
    """Not (yet) verified: marked by the editor, or never checked. Pages mark such an entry."""
    return not geverifieerd(item)


def toon(item: Entry) -> bool:
    """Shown on the site: always (a doubtful entry is marked, its numbers are no buttons)."""
    return True


def belbaar(item: Entry) -> bool:
    """Its numbers are call buttons: spoedhulp, or a verified entry."""
    return spoed(item) or geverifieerd(item)


def drukbaar(item: Entry, *, concept: bool = False) -> bool:
    """Printed on a flyer (if the flyer shows this kind of entry): exactly when dialable on
    the site; on a CONCEPT proof also when not."""
    return concept or belbaar(item)


def reden(entry: Any) -> tuple[Plek, str]:
    """Why an entry is not verified, and where to fix that: for messages."""
    item = entry.item
    if item.onzeker:
        return entry.plek_van("onzeker"), f"onzeker: {item.onzeker}"
    return entry.plek_van("gecontroleerd"), "nog nooit gecontroleerd"


@dataclass
class FlyerVermeldingen:
    """The entries of one gemeente's flyer, per part, and those left off for being unverified."""

    lijnen: list[Any] = field(default_factory=list)  # Vermelding[Hulplijn]
    contacten: list[Any] = field(default_factory=list)  # Vermelding[Contact]
    spoed: list[Any] = field(default_factory=list)  # Vermelding[Dienst]
    partners: list[Any] = field(default_factory=list)  # Vermelding[Organisatie]
    weggelaten: list[Any] = field(default_factory=list)  # unverified, left off

    @property
    def alle(self) -> list[Any]:
        return [*self.lijnen, *self.contacten, *self.spoed, *self.partners]

    @property
    def concept(self) -> bool:
        """True when an entry is printed that a final flyer leaves off (a CONCEPT proof)."""
        return any(not belbaar(e.item) for e in (*self.lijnen, *self.contacten, *self.spoed))


def flyer_vermeldingen(data: Any, *, onzeker_toestaan: bool = False) -> FlyerVermeldingen:
    """The entries of a gemeente's flyer, in this order:

    - **Bel of chat**: hulplijnen with ``op_flyer: ja`` (not spoed), in the order of the data
      (landelijk, regio, gemeente);
    - **Hulp in <gemeente>**: contacten of soort ``cjg``, ``jgz`` or ``sociaal-team`` that have
      a phone number or website (that order);
    - **Spoedhulp**: every hulplijn or interventie with ``spoed: ja``;
    - **In samenwerking met**: the organisaties in the gemeente's ``partners``.

    Of the first three, only what `drukbaar` allows; the rest is in ``weggelaten``.
    """
    result = FlyerVermeldingen()

    def keep(entry: Any) -> bool:
        if drukbaar(entry.item, concept=onzeker_toestaan):
            return True
        result.weggelaten.append(entry)
        return False

    for entry in data.hulplijnen:
        if entry.item.op_flyer and not entry.item.spoed and keep(entry):
            result.lijnen.append(entry)
    for soort in CONTACT_SOORTEN:
        for entry in data.contacten:
            item = entry.item
            if item.soort == soort and (item.telefoon or item.website) and keep(entry):
                result.contacten.append(entry)
    for entry in (*data.hulplijnen, *data.interventies):
        if entry.item.spoed and keep(entry):
            result.spoed.append(entry)
    for id in data.info.partners or ():
        org = data.organisatie(id)
        if org is not None:
            result.partners.append(org)  # a name only: never left off for being unverified
    return result
