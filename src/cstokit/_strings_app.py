"""The strings of the data shown on figures, of errors, of the command line and of exported pages.

Same shape as ``cstokit._text.STRINGS`` (key -> {"en": ..., "fr": ...}) and merged into it.
French follows the usage of French international-law textbooks: a state *dépose* its
instrument, a withdrawal is a *dénonciation* that *prend effet*.
"""

from __future__ import annotations

APP_STRINGS: dict[str, dict[str, str]] = {
    # -- membership events (data/memberships.csv, vocabulary "event") -------------------------
    "event.signed": {"en": "signed", "fr": "signature"},
    "event.ratified": {"en": "ratified", "fr": "ratification"},
    "event.deposited": {"en": "instrument deposited", "fr": "dépôt de l'instrument"},
    "event.acceded": {"en": "acceded", "fr": "adhésion"},
    "event.in-force-for": {"en": "in force for it", "fr": "entrée en vigueur à son égard"},
    "event.notified": {"en": "notice given", "fr": "notification"},
    "event.announced-withdrawal": {"en": "withdrawal announced", "fr": "retrait annoncé"},
    "event.effective": {"en": "withdrawal took effect", "fr": "prise d'effet du retrait"},
    "event.withdrew": {"en": "withdrew", "fr": "retrait"},
    "event.not-renewed": {"en": "did not renew", "fr": "non-renouvellement"},
    "event.froze": {"en": "froze its participation", "fr": "gel de sa participation"},
    "event.suspended": {"en": "suspended", "fr": "suspension"},
    "event.obligations-suspended": {
        "en": "obligations suspended",
        "fr": "suspension de ses obligations",
    },
    "event.participation-excluded": {
        "en": "excluded from participation",
        "fr": "exclusion de la participation",
    },
    "event.left-integrated-command": {
        "en": "left the integrated command",
        "fr": "retrait du commandement intégré",
    },
    "event.rejoined-integrated-command": {
        "en": "rejoined the integrated command",
        "fr": "retour dans le commandement intégré",
    },
    "event.dissolved": {"en": "treaty dissolved", "fr": "dissolution"},
    "event.ceased-to-exist": {"en": "state ceased to exist", "fr": "disparition de l'État"},
    # -- sites of an operation (data/sites.csv, vocabulary "kind") ----------------------------
    "site.airport": {"en": "airport", "fr": "aéroport"},
    "site.airbase": {"en": "air base", "fr": "base aérienne"},
    "site.city": {"en": "city", "fr": "ville"},
    "site.town": {"en": "town", "fr": "ville"},
    "site.spaceport": {"en": "spaceport", "fr": "cosmodrome"},
    "site.military_facility": {"en": "military facility", "fr": "installation militaire"},
    "site.power_station": {"en": "power station", "fr": "centrale électrique"},
    "site.industrial_facility": {"en": "industrial facility", "fr": "site industriel"},
    "site.government_building": {"en": "government building", "fr": "bâtiment officiel"},
    "site.other": {"en": "other", "fr": "autre"},
    # -- figures ----------------------------------------------------------------------------
    "deploy.caption": {
        "en": "{n} contributing states, {sites} sites with sourced coordinates.",
        "fr": "{n} États contributeurs, {sites} sites aux coordonnées sourcées.",
    },
    "deploy.unplaced": {
        "en": " Named by sources but without coordinates: {names}.",
        "fr": " Nommés par les sources mais sans coordonnées : {names}.",
    },
    "contrib.as_of": {"en": "as of {date}", "fr": "au {date}"},
    "cases.all_parties": {"en": "all parties", "fr": "toutes les parties"},
    "cases.clause": {
        "en": "{organisation} · Art. {articles}",
        "fr": "{organisation} · art. {articles}",
    },
    "records.invoked_by": {"en": "invoked by: {who}", "fr": "invoqué par : {who}"},
    "records.no_outcome": {"en": "outcome not reported", "fr": "issue non rapportée"},
    "records.caption": {
        "en": "{n} dated records of invocations from {sources} sources; where sources differ, "
        "each version is its own mark.",
        "fr": "{n} relevés datés d'invocations, tirés de {sources} sources ; quand les sources "
        "divergent, chaque version a sa propre marque.",
    },
    "records.undated": {
        "en": " {n} records whose source gives no date are in load('invocations') only.",
        "fr": " {n} relevés dont la source ne donne pas de date figurent seulement dans "
        "load('invocations').",
    },
    # Plurals of the source kinds, for the compact line "23 sources: 6 official, …".
    "kinds.official": {"en": "official", "fr": "officielles"},
    "kinds.state-media": {"en": "state media", "fr": "médias d'État"},
    "kinds.independent-media": {"en": "independent media", "fr": "médias indépendants"},
    "kinds.academic": {"en": "academic", "fr": "universitaires"},
    "kinds.reference": {"en": "reference works", "fr": "ouvrages de référence"},
    "kinds.other": {"en": "other", "fr": "autres"},
}
APP_STRINGS.update(
    {
        # -- article texts ------------------------------------------------------------------
        "article.label": {"en": "Article {article}", "fr": "article {article}"},
        "article.other_language": {
            "en": "The kit holds no {missing} text of this wording: shown here is the {shown} "
            "text, an authentic one, not a translation.",
            "fr": "Le kit ne détient pas de texte {missing} de cette rédaction : voici le texte "
            "{shown}, un texte authentique, non une traduction.",
        },
        "article.only_translation": {
            "en": "The kit holds no {missing} text and no authentic text of this wording: shown "
            "here is a translation into {shown}, not the treaty's own text (its version says whose).",
            "fr": "Le kit ne détient ni texte {missing} ni texte authentique de cette rédaction : "
            "voici une traduction en {shown}, non le texte du traité (sa version dit de qui elle "
            "est).",
        },
    }
)
