"""Every user-facing string of the figures, in one table, so a language is added here only."""

from __future__ import annotations

import datetime as dt
import re

from ._errors import check_choice

LANGUAGES = ("en", "fr")
_language = "en"

STRINGS: dict[str, dict[str, str]] = {
    "status.member": {"en": "Member", "fr": "Membre"},
    "status.frozen": {"en": "Participation frozen", "fr": "Participation gelée"},
    "status.suspended": {"en": "Suspended", "fr": "Membre suspendu"},
    "status.signatory": {
        "en": "Signatory (not yet in force)",
        "fr": "Signataire (pas encore partie)",
    },
    "status.former": {"en": "Former member", "fr": "Ancien membre"},
    "status.withdrawing": {
        "en": "Withdrawing (notice given)",
        "fr": "Dénonciation notifiée (préavis en cours)",
    },
    "article.span": {
        "en": "applied {start} to {last} (the next wording from {end})",
        "fr": "applicable du {start} au {last} (la rédaction suivante s'applique à partir du "
        "{end})",
    },
    "article.since": {"en": "in force since {start}", "fr": "en vigueur depuis le {start}"},
    "article.in_force": {
        "en": "Wording in force on {date}: set by the {instrument}; {span}.",
        "fr": "Rédaction en vigueur le {date} : fixée par {instrument} ; {span}.",
    },
    "article.in_force_today": {
        "en": "Wording in force today ({date}): set by the {instrument}; {span}. "
        "Give at= for another date.",
        "fr": "Rédaction en vigueur aujourd'hui ({date}) : fixée par {instrument} ; {span}. "
        "Indiquez at= pour une autre date.",
    },
    "article.not_yet": {
        "en": "On {date} the treaty was signed but not yet in force: this is the wording as "
        "signed ({instrument}; {span}).",
        "fr": "Le {date}, le traité était signé mais pas encore en vigueur : voici la rédaction "
        "telle que signée ({instrument} ; {span}).",
    },
    "article.ended": {
        "en": "On {date} the treaty was no longer in force (it ended on {ended}): this was its "
        "last wording ({instrument}; {span}).",
        "fr": "Le {date}, le traité n'était plus en vigueur (il a pris fin le {ended}) : voici sa "
        "dernière rédaction ({instrument} ; {span}).",
    },
    "article.not_on": {
        "en": "Not the wording in force on {date}: this one was set by the {instrument}; {span}.",
        "fr": "Ce n'est pas la rédaction en vigueur le {date} : celle-ci a été fixée par "
        "{instrument} ; {span}.",
    },
    "article.partial": {
        "en": "Partial text: the kit holds only part of this article.",
        "fr": "Texte partiel : le kit ne contient qu'une partie de cet article.",
    },
    "article.source": {"en": "Source", "fr": "Source"},
    "compare.title": {
        "en": "Article {article}: two wordings side by side",
        "fr": "Article {article} : deux rédactions côte à côte",
    },
    "compare.translations": {
        "en": "Careful: the two sides are translations by different hands ({before}, {after}), not "
        "the authentic text; some differences are the translators', not the treaty's.",
        "fr": "Attention : les deux colonnes sont des traductions dues à des traducteurs différents "
        "({before}, {after}), et non le texte authentique ; certaines différences tiennent aux "
        "traducteurs, et non au traité.",
    },
    "compare.removed": {"en": "Taken out", "fr": "Supprimé"},
    "compare.added": {"en": "Put in", "fr": "Ajouté"},
    "compare.legend": {
        "en": "Highlighted: the words that differ between the two wordings.",
        "fr": "En surbrillance : les mots qui diffèrent d'une rédaction à l'autre.",
    },
    "period.year": {"en": "{n} year", "fr": "{n} an"},
    "period.years": {"en": "{n} years", "fr": "{n} ans"},
    "period.month": {"en": "{n} month", "fr": "{n} mois"},
    "period.months": {"en": "{n} months", "fr": "{n} mois"},
    "members.notice_effect": {
        "en": "Notice takes effect after {period} (Art. {article}): a party until {date}.",
        "fr": "La dénonciation prend effet {period} après sa notification (art. {article}) : "
        "partie jusqu'au {date}.",
    },
    "status.host": {"en": "Host country", "fr": "Pays hôte"},
    "status.contributor": {"en": "Sent troops", "fr": "A envoyé des troupes"},
    "hover.since": {"en": "since {since}", "fr": "depuis le {since}"},
    "hover.last_event": {
        "en": "last event: {event} ({date})",
        "fr": "dernier événement : {event} ({date})",
    },
    "hover.until": {"en": "a party until {date}", "fr": "partie jusqu'au {date}"},
    "hover.other_dates": {
        "en": "other sources give: {dates}",
        "fr": "dates données par d'autres sources : {dates}",
    },
    "hover.source": {"en": "Source: {source}", "fr": "Source : {source}"},
    "hover.drawn_as": {
        "en": "{name} is drawn on today's borders of its successor states",
        "fr": "{name} : carte tracée sur les frontières actuelles de ses États successeurs",
    },
    "map.title": {"en": "{treaty}: members on {date}", "fr": "{treaty} : membres au {date}"},
    "map.short_title": {"en": "{treaty}, {date}", "fr": "{treaty}, {date}"},
    "map.title_before": {
        "en": "{treaty}, {date}: no members (not signed until {signed})",
        "fr": "{treaty}, {date} : aucun membre (traité signé seulement le {signed})",
    },
    "map.title_after": {
        "en": "{treaty}, {date}: no members (ended {ended})",
        "fr": "{treaty}, {date} : aucun membre (le traité a pris fin le {ended})",
    },
    "map.caption": {
        "en": "Borders: Natural Earth 5.1.1 (German point of view). Membership: data/memberships.csv; "
        "sources: {n}. Historic states are drawn on today's borders.",
        "fr": "Frontières : Natural Earth 5.1.1 (point de vue allemand). Parties : "
        "data/memberships.csv ; sources : {n}. Les États historiques sont dessinés sur les "
        "frontières actuelles.",
    },
    "anim.title": {"en": "Members through time", "fr": "Les membres au fil du temps"},
    "anim.caption": {
        "en": "Each frame shows who was a party at the end of that year: a state counts from the "
        "deposit of its instrument, not its signature, until its withdrawal took effect. Move the "
        "slider or press Play. Historic states are drawn on today's borders.",
        "fr": "Chaque image montre les États parties à la fin de l'année : un État compte à partir "
        "du dépôt de son instrument de ratification ou d'adhésion, non de sa signature, et "
        "jusqu'à la prise d'effet de son retrait. Déplacez le curseur ou appuyez sur Lecture. Les États historiques sont dessinés "
        "sur les frontières actuelles.",
    },
    "timeline.records_caption": {
        "en": "Every event record the kit holds, one line each: where sources date the same step "
        "differently, each version keeps its own line.",
        "fr": "Tous les événements relevés par le kit, un par ligne : quand des sources datent "
        "différemment la même étape, chaque version garde sa ligne.",
    },
    "anim.year": {"en": "End of ", "fr": "Fin "},
    "anim.panel_before": {
        "en": "{treaty}: not signed until {signed}",
        "fr": "{treaty} : traité signé seulement le {signed}",
    },
    "anim.panel_after": {
        "en": "{treaty}: ended {ended}",
        "fr": "{treaty} : le traité a pris fin le {ended}",
    },
    "anim.play": {"en": "Play", "fr": "Lecture"},
    "anim.pause": {"en": "Pause", "fr": "Pause"},
    "deploy.title": {
        "en": "{name}: who sent troops, and where",
        "fr": "{name} : qui a envoyé des troupes, et où",
    },
    "deploy.route": {"en": "Contingent from {name}", "fr": "Contingent : {name}"},
    "deploy.sites": {"en": "Key sites", "fr": "Sites clés"},
    "contrib.title": {
        "en": "{name}: personnel by country, as each source reported it",
        "fr": "{name} : effectifs par pays, selon chaque source",
    },
    "contrib.xaxis": {"en": "Personnel", "fr": "Effectifs"},
    "counts.planned": {"en": "planned", "fr": "prévu"},
    "counts.deployed": {"en": "deployed", "fr": "déployé"},
    "counts.reported": {"en": "reported", "fr": "rapporté"},
    "counts.estimate": {"en": "estimate", "fr": "estimation"},
    "contrib.marks": {
        "en": "Colour: what the figure counts. Filled marks: official sources; open marks: others.",
        "fr": "Couleur : ce que compte le chiffre. Marqueurs pleins : sources officielles ; "
        "marqueurs vides : autres sources.",
    },
    "contrib.no_official": {
        "en": "None of these figures comes from an official publication the kit holds: every "
        "mark is published by a medium or an analyst, some quoting officials (see the hover "
        "text).",
        "fr": "Aucun de ces chiffres ne provient d'une publication officielle détenue par le kit : "
        "chaque marqueur reprend un chiffre publié par un média ou un analyste, qui cite parfois "
        "des responsables officiels (voir l'infobulle).",
    },
    "contrib.total": {"en": "Total (as stated)", "fr": "Total (tel qu'annoncé)"},
    "contrib.agree": {
        "en": "{country}: all {n} sources give {value}.",
        "fr": "{country} : les {n} sources donnent {value}.",
    },
    "contrib.range": {
        "en": "{country}: {low} ({low_src}) to {high} ({high_src}), a gap of {gap}.",
        "fr": "{country} : de {low} ({low_src}) à {high} ({high_src}), un écart de {gap}.",
    },
    "contrib.single": {
        "en": "{country}: one source only ({value}).",
        "fr": "{country} : une seule source ({value}).",
    },
    "qualifier.exact": {"en": "exact", "fr": "exact"},
    "qualifier.about": {"en": "about", "fr": "environ"},
    "qualifier.at-least": {"en": "at least", "fr": "au moins"},
    "qualifier.up-to": {"en": "up to", "fr": "jusqu'à"},
    "qualifier.reported": {"en": "reported", "fr": "rapporté"},
    "route.missing": {
        "en": "This map will have no borders: the kit's Jupyter server setting is missing.",
        "fr": "Cette carte s'affichera sans frontières : il manque le réglage du kit pour le "
        "serveur Jupyter.",
    },
    "route.fix": {"en": "To fix it,", "fr": "Pour y remédier :"},
    "sources.summary": {"en": "{n} sources: {parts}", "fr": "{n} sources : {parts}"},
    "sources.none": {"en": "no sources", "fr": "aucune source"},
    "kind.official": {"en": "official", "fr": "officielle"},
    "kind.state-media": {"en": "state media", "fr": "média d'État"},
    "kind.independent-media": {"en": "independent media", "fr": "média indépendant"},
    "kind.academic": {"en": "academic", "fr": "universitaire"},
    "kind.reference": {"en": "reference work", "fr": "ouvrage de référence"},
    "kind.other": {"en": "other", "fr": "autre"},
    "timeline.title": {"en": "{name}: timeline", "fr": "{name} : chronologie"},
    "timeline.caption": {
        "en": "{n_key} key events of {total} the kit holds, in {phases} phases; "
        "timeline(..., records=True) shows every event with its source.",
        "fr": "{n_key} événements clés sur les {total} que contient le kit, en {phases} phases ; "
        "timeline(..., records=True) montre chaque événement avec sa source.",
    },
    "timeline.phases": {"en": "Phases", "fr": "Phases"},
    "phase.unrest": {"en": "Unrest", "fr": "Troubles"},
    "phase.request": {"en": "Request", "fr": "Demande"},
    "phase.decision": {"en": "Decision", "fr": "Décision"},
    "phase.deployment": {"en": "Deployment", "fr": "Déploiement"},
    "phase.handover": {"en": "Handover", "fr": "Passation"},
    "phase.withdrawal": {"en": "Withdrawal", "fr": "Retrait"},
    "invocations.title": {
        "en": "When collective-defence clauses were invoked, and what followed",
        "fr": "Quand les clauses de défense collective ont été invoquées, et ce qui a suivi",
    },
    "outcome.consultations-held": {"en": "consultations held", "fr": "consultations tenues"},
    "outcome.declined": {"en": "declined", "fr": "demande refusée"},
    "outcome.no-decision": {"en": "no decision", "fr": "aucune décision"},
    "cases.dates": {
        "en": "requested {requested}, decided {decided}",
        "fr": "demande : {requested} ; décision : {decided}",
    },
    "cases.days": {"en": "{n} days", "fr": "délai : {n} j"},
    "cases.n_states": {"en": "{n} states", "fr": "{n} États"},
    # Subtitles: what a figure shows and when (the sources' count and kinds follow).
    "sub.map": {"en": "{n} parties on {date}", "fr": "{n} États parties au {date}"},
    "sub.anim": {
        "en": "Parties at the end of each year, {start}–{end}",
        "fr": "États parties à la fin de chaque année, {start}–{end}",
    },
    "sub.deploy": {
        "en": "{n} contributing states, {sites} sites placed, {start} to {end}",
        "fr": "{n} États contributeurs, {sites} sites localisés, {start} – {end}",
    },
    "sub.contrib": {
        "en": "{n} figures for {countries} countries and the total, published {first} to {last}",
        "fr": "{n} chiffres pour {countries} pays et le total (publication : {first} – {last})",
    },
    "sub.timeline": {
        "en": "{n_key} key events of {total}, {first} to {last}",
        "fr": "{n_key} événements clés sur {total}, du {first} au {last}",
    },
    "sub.records": {
        "en": "{n} records, {first} to {last}",
        "fr": "{n} relevés, du {first} au {last}",
    },
    "sub.cases": {"en": "{n} cases, {first}–{last}", "fr": "{n} cas, {first}–{last}"},
    "cases.disagreement": {
        "en": "Sources disagree: {text}",
        "fr": "Les sources divergent : {text}",
    },
    "cases.evidence": {
        "en": "{n} record(s); best: {source}",
        "fr": "{n} relevé(s) ; parmi leurs sources, la meilleure : {source}",
    },
    "cases.caption": {
        "en": "{cases} cases, evidenced by {records} records; the hover text names each case's "
        "best source. invocations_chart(records=True) draws every record, "
        "cstokit.case_records(case_id) lists the evidence of one case.",
        "fr": "{cases} cas, attestés par {records} relevés ; l'infobulle nomme la meilleure source "
        "de chaque cas. invocations_chart(records=True) affiche chaque relevé ; "
        "cstokit.case_records(case_id) énumère les relevés qui attestent un cas.",
    },
    "outcome.assistance-given": {"en": "assistance given", "fr": "assistance fournie"},
    "outcome.consultation-held": {"en": "consultations held", "fr": "consultations tenues"},
    "outcome.refused": {"en": "refused", "fr": "demande refusée"},
    "outcome.declined-other-response": {
        "en": "declined; other response",
        "fr": "demande déclinée, autre réponse apportée",
    },
    "outcome.measures-adopted": {"en": "measures adopted", "fr": "mesures adoptées"},
    "outcome.no-action": {"en": "no action", "fr": "aucune mesure"},
    "outcome.disputed": {"en": "disputed", "fr": "issue contestée"},
}


def set_language(language: str) -> None:
    """Choose the kit's language (``"en"`` or ``"fr"``): figures, exercises and their feedback,
    errors, article texts (the authentic French where the kit holds one), teacher mode.
    """
    global _language
    _language = check_choice("language", language, LANGUAGES)


def get_language() -> str:
    """The language figures are labelled in now."""
    return _language


LOCALES = {"en": "en_GB", "fr": "fr_FR"}
# A value of t() that is a date (a date object, or an ISO string as data/ keeps them) is shown
# the way the language writes dates: English keeps ISO, the kit's convention since 0.1;
# French reads "6 janvier 2022".
_ISO_VALUE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


class Code(str):
    """A value of t() that is code the student types (a date in a call): never reworded."""


def t(key: str, language: str | None = None, **values: object) -> str:
    """The string ``key`` in the current language, with ``{values}`` filled in.

    Dates among the values are written as the language writes them (:func:`show_date`).
    """
    language = language or _language
    entry = STRINGS[key]
    # tests/test_french.py fails on a key missing in a language; a student meets English then.
    text = entry.get(language) or entry["en"]
    if not values:
        return text
    shown = {
        name: show_date(value, language)
        if not isinstance(value, Code)
        and (isinstance(value, dt.date) or (isinstance(value, str) and _ISO_VALUE.match(value)))
        else value
        for name, value in values.items()
    }
    return text.format(**shown)


def show_date(value, language: str | None = None) -> str:
    """A date as figures and feedback show it: ISO in English, CLDR's long form in French.

    Partial dates keep their precision ("2022-01" -> "janvier 2022"); French writes the first
    of a month "1er".
    """
    from ._dates import parse_date

    language = language or _language
    day, precision = parse_date(value)
    if language == "en":
        return value if isinstance(value, str) else day.isoformat()
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return _format_date(day, "LLLL y", language)
    text = long_date(day, language)
    return "1er" + text[1:] if day.day == 1 and language == "fr" else text


def show_number(n, language: str | None = None) -> str:
    """A whole number with the language's thousands separator: "2,030", "2 030" (CLDR)."""
    from babel.numbers import format_decimal

    return format_decimal(int(n), locale=LOCALES[language or _language])


def long_date(day, language: str | None = None) -> str:
    """A date as a class reads it aloud, from CLDR: "6 January 2022", "6 janvier 2022"."""
    from ._dates import to_date

    return _format_date(to_date(day), "long", language or _language)


def _format_date(day: dt.date, pattern: str, language: str) -> str:
    from babel.dates import format_date

    return format_date(day, format=pattern, locale=LOCALES[language])


def localized(row, field: str, language: str | None = None) -> str:
    """``row[field_fr]`` in French, ``row[field_en]`` (or ``row[field]``) in English.

    For the kit's own prose in data/ (names, summaries, justifications): a French column that
    is empty falls back to English, which tests/test_strings.py forbids for the data shipped.
    """
    language = language or _language
    import pandas as pd

    english = row[f"{field}_en"] if f"{field}_en" in row else row[field]
    own = row.get(f"{field}_{language}") if language != "en" else None
    if own is not None and pd.notna(own) and str(own):
        return str(own)
    return str(english) if pd.notna(english) else ""  # "" for a note the data leaves empty


from ._strings_app import APP_STRINGS  # noqa: E402 - and data labels, errors, CLI, export
from ._strings_exercises import EXERCISE_STRINGS  # noqa: E402 - the exercises keep their strings apart
from ._strings_scenes import SCENE_STRINGS  # noqa: E402 - and so do teacher mode's scenes

STRINGS.update(EXERCISE_STRINGS)
STRINGS.update(SCENE_STRINGS)
STRINGS.update(APP_STRINGS)
