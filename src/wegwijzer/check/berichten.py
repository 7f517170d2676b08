"""Dutch messages for editors about the outcome of a link check: what is wrong, what to do."""

from __future__ import annotations

from urllib.parse import urlsplit

from wegwijzer.check.fetch import Status, Uitkomst

_CODES = {
    400: "het verzoek wordt niet begrepen",
    401: "de pagina vraagt om in te loggen",
    403: "de website weigert de controle",
    405: "de website weigert dit soort verzoek",
    451: "de pagina is om juridische redenen niet beschikbaar",
}

_TLS = {
    "self-signed": "het certificaat is door de website zelf ondertekend",
    "self signed": "het certificaat is door de website zelf ondertekend",
    "expired": "het certificaat is verlopen",
    "hostname mismatch": "het certificaat hoort bij een andere domeinnaam",
    "doesn't match": "het certificaat hoort bij een andere domeinnaam",
    "unable to get local issuer": "het certificaat is uitgegeven door een onbekende instantie",
    "not yet valid": "het certificaat is nog niet geldig",
    "revoked": "het certificaat is ingetrokken",
}


def tls_uitleg(detail: str) -> str:
    lowered = detail.lower()
    for key, text in _TLS.items():
        if key in lowered:
            return text
    return "de beveiligde verbinding mislukt"


def _pogingen(uitkomst: Uitkomst) -> str:
    return f", ook na {uitkomst.pogingen} pogingen" if uitkomst.pogingen > 1 else ""


def link_bericht(veld: str, uitkomst: Uitkomst, *, yaml: bool = True) -> str:
    """The message about one address; `veld` names the field ("website", "chat", "link")."""
    url = uitkomst.url
    s = uitkomst.status
    code = uitkomst.code
    host = urlsplit(url).hostname or url
    waar = "in de YAML" if yaml else "in de pagina"
    via = ""
    if uitkomst.stappen and s not in (Status.VERHUISD, Status.TIJDELIJK):
        via = f" (via doorverwijzing naar {uitkomst.eind_url})"
    if s is Status.OK:
        return f"{veld} {url} werkt"
    if s is Status.VERHUISD:
        nieuw = uitkomst.nieuw_adres or uitkomst.eind_url
        return (
            f"{veld} {url} is verhuisd naar {nieuw} (permanente doorverwijzing "
            f"{uitkomst.stappen[0].code}); zet {waar} '{veld}: {nieuw}'"
        )
    if s is Status.TIJDELIJK:
        return (
            f"{veld} {url} verwijst tijdelijk door naar {uitkomst.eind_url} "
            f"({uitkomst.stappen[0].code}); niets te doen"
        )
    if s is Status.NIET_GEVONDEN:
        return f"{veld} {url} geeft 404{via} (pagina bestaat niet meer); zoek het nieuwe adres"
    if s is Status.VERWIJDERD:
        return (
            f"{veld} {url} geeft 410{via} (pagina is bewust weggehaald); zoek het nieuwe adres "
            "of haal de link weg"
        )
    if s is Status.GEWEIGERD:
        uitleg = _CODES.get(code or 0, "de website weigert de pagina")
        return (
            f"{veld} {url} geeft {code}{via} ({uitleg}); kijk zelf in een browser of de pagina "
            "werkt"
        )
    if s is Status.SERVERFOUT:
        return (
            f"{veld} {url} geeft {code}{via} (fout bij de website zelf{_pogingen(uitkomst)}); "
            "probeer het later opnieuw en meld het aan de eigenaar als het blijft"
        )
    if s is Status.TIMEOUT:
        return (
            f"{veld} {url} reageert niet{via} ({uitkomst.detail}{_pogingen(uitkomst)}); "
            "kijk zelf of de website werkt"
        )
    if s is Status.VERBINDING_GEWEIGERD:
        return (
            f"{veld} {url}: {host} weigert de verbinding{via}{_pogingen(uitkomst)} (er draait "
            "geen website op dit adres); controleer het adres"
        )
    if s is Status.VERBINDING_VERBROKEN:
        return (
            f"{veld} {url}: {host} verbreekt de verbinding zonder antwoord{via}"
            f"{_pogingen(uitkomst)}; kijk zelf of de website werkt"
        )
    if s is Status.GEEN_VERBINDING:
        return (
            f"{veld} {url}: geen verbinding met {host}{via} ({uitkomst.detail}); controleer het "
            "adres, of je internetverbinding"
        )
    if s is Status.DNS and uitkomst.detail.startswith("tijdelijk"):
        return (
            f"{veld} {url}: de domeinnaam {host} kon niet worden opgezocht{via} (tijdelijke "
            "DNS-fout); controleer je internetverbinding en probeer het opnieuw"
        )
    if s is Status.DNS:
        return (
            f"{veld} {url}: de domeinnaam {host} bestaat niet (meer){via}; controleer de "
            "spelling of zoek het nieuwe adres"
        )
    if s is Status.TLS:
        return (
            f"{veld} {url}: {tls_uitleg(uitkomst.detail)}{via} ({uitkomst.detail}); bezoekers "
            "krijgen een waarschuwing in hun browser. Meld het aan de eigenaar of zoek een "
            "ander adres"
        )
    if s is Status.TE_VEEL_DOORVERWIJZINGEN:
        return (
            f"{veld} {url} verwijst meer dan {len(uitkomst.stappen) - 1} keer door (laatst naar "
            f"{uitkomst.eind_url}); browsers geven dan op. Zoek het adres waar de pagina echt staat"
        )
    if s is Status.DOORVERWIJSLUS:
        return (
            f"{veld} {url} verwijst in een kring door ({uitkomst.detail}); de pagina opent nooit. "
            "Meld het aan de eigenaar of zoek een ander adres"
        )
    if s is Status.TE_DRUK:
        return (
            f"{veld} {url} geeft 429 (te veel verzoeken; de website vraagt te wachten"
            f"{': ' + uitkomst.detail if uitkomst.detail else ''}); niet gecontroleerd, probeer "
            "het later opnieuw"
        )
    if s is Status.GEBLOKKEERD:
        return (
            f"{veld} {url} is niet opgehaald: {uitkomst.detail}. Ouders kunnen zo'n adres niet "
            "openen; gebruik een openbaar https://-adres (of --allow-private voor een intranet)"
        )
    if s is Status.NIET_GECONTROLEERD:
        return f"{veld} {url} is niet gecontroleerd: {uitkomst.detail or 'tijd op'}"
    return f"{veld} {url} gaf een onverwacht antwoord{via} ({uitkomst.detail or code})"


STATUS_LABELS: dict[Status, str] = {
    Status.OK: "werkt",
    Status.VERHUISD: "verhuisd",
    Status.TIJDELIJK: "tijdelijk doorverwezen",
    Status.NIET_GEVONDEN: "bestaat niet (404)",
    Status.VERWIJDERD: "weggehaald (410)",
    Status.GEWEIGERD: "geweigerd",
    Status.SERVERFOUT: "serverfout",
    Status.TIMEOUT: "geen antwoord (timeout)",
    Status.VERBINDING_GEWEIGERD: "verbinding geweigerd",
    Status.VERBINDING_VERBROKEN: "verbinding verbroken",
    Status.GEEN_VERBINDING: "geen verbinding",
    Status.DNS: "domein bestaat niet",
    Status.TLS: "certificaatfout",
    Status.TE_VEEL_DOORVERWIJZINGEN: "te veel doorverwijzingen",
    Status.DOORVERWIJSLUS: "doorverwijslus",
    Status.TE_DRUK: "te druk (429)",
    Status.GEBLOKKEERD: "geweigerd adres",
    Status.NIET_GECONTROLEERD: "niet gecontroleerd",
    Status.ONBEKEND: "onverwacht antwoord",
}
