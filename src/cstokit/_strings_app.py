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
        "article.note": {"en": " {note}", "fr": " Détails (en anglais) : {note}"},
        # An article's version in a heading; load("articles") keeps the codes.
        "version.original": {"en": "original", "fr": "texte original"},
        "version.amended-1951": {"en": "amended 1951", "fr": "modifié en 1951"},
        "version.amended-2010": {"en": "amended 2010", "fr": "modifié en 2010"},
        "version.translation-csto": {
            "en": "translation published by the CSTO",
            "fr": "traduction publiée par l'OTSC",
        },
        "version.kit-translation-of-original": {
            "en": "the kit's translation of the original",
            "fr": "traduction de l'original par le kit",
        },
        "version.consolidated-lisbon": {
            "en": "consolidated after Lisbon",
            "fr": "version consolidée après Lisbonne",
        },
        "exercise.factcheck.why": {"en": "why …", "fr": "pourquoi …"},
        "list.sep": {"en": "; ", "fr": "\u00a0; "},
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
APP_STRINGS.update(
    {
        # -- errors: what was wrong and what is valid ---------------------------------------
        "error.unknown": {
            "en": "Unknown {kind} {given}.{hint} Valid {kind} ids: {valid}.",
            "fr": "Identifiant inconnu ({kind}) : {given}.{hint} Identifiants valides ({kind}) : "
            "{valid}.",
        },
        "error.did_you_mean": {
            "en": " Did you mean {close}?",
            "fr": " Vouliez-vous dire {close} ?",
        },
        "id.treaty": {"en": "treaty", "fr": "traité"},
        "id.case": {"en": "case", "fr": "cas"},
        "id.dataset": {"en": "dataset", "fr": "jeu de données"},
        "id.vocabulary": {"en": "vocabulary", "fr": "vocabulaire"},
        "id.exercise": {"en": "exercise", "fr": "exercice"},
        "id.region": {"en": "region", "fr": "région"},
        "id.operation": {"en": "operation", "fr": "opération"},
        "id.scene": {"en": "scene", "fr": "scène"},
        "id.source": {"en": "source", "fr": "source"},
        "id.language": {"en": "language", "fr": "langue"},
        "id.value for include": {"en": "value for include", "fr": "valeur de include"},
        "id.article_of": {"en": "article of {treaty}", "fr": "article de {treaty}"},
        "id.version_of": {
            "en": "version of {treaty} Article {article}",
            "fr": "version de {treaty} article {article}",
        },
        "id.language_of": {
            "en": "language for {treaty} Article {article}",
            "fr": "langue de {treaty} article {article}",
        },
        "error.date": {
            "en": "{what} {value} is not a date the kit understands. {expected}",
            "fr": "{what} {value} n'est pas une date que le kit comprend. {expected}",
        },
        "error.date_missing": {
            "en": "{what} {value} does not exist ({reason}). {expected}",
            "fr": "{what} {value} n'existe pas ({reason}). {expected}",
        },
        "error.date_expected": {
            "en": "Write dates as YYYY-MM-DD (for example '2022-01-06'), or YYYY-MM / YYYY for a "
            "month or a year; a datetime.date works too.",
            "fr": "Écrivez les dates sous la forme AAAA-MM-JJ (par exemple '2022-01-06'), ou "
            "AAAA-MM / AAAA pour un mois ou une année ; un datetime.date convient aussi.",
        },
        "error.date_word": {"en": "Date", "fr": "La date"},
        "error.at_word": {"en": "Date for at=", "fr": "La date de at="},
        "error.not_signed": {
            "en": "{name} was signed on {signed}: on {day} it did not exist yet. Ask for a date "
            "from {signed} on.",
            "fr": "{name} a été signé le {signed} : le {day}, il n'existait pas encore. Demandez "
            "une date à partir du {signed}.",
        },
        "error.no_text_in": {
            "en": "The kit holds no {lang} text of {treaty_id} Article {number} {when}.{offer} "
            "All it holds of this article: {held}. The official text is published by: {publisher}.",
            "fr": "Le kit ne détient pas de texte {lang} de {treaty_id} article {number} "
            "{when}.{offer} Tout ce qu'il détient de cet article : {held}. Le texte officiel est "
            "publié par : {publisher}.",
        },
        "error.when_version": {"en": "version {version}", "fr": "version {version}"},
        "error.when_on": {"en": "in force on {date}", "fr": "en vigueur le {date}"},
        "error.offer": {
            "en": " For that date it holds: {have}; that wording was set by the {instrument} "
            "(applied from {start}).",
            "fr": " Pour cette date, il détient : {have} ; cette rédaction a été fixée par "
            "{instrument} (applicable à partir du {start}).",
        },
        "error.more_held": {
            "en": " All the kit holds of this article: {held}. The official text is published by: "
            "{publisher}.",
            "fr": " Tout ce que le kit détient de cet article : {held}. Le texte officiel est "
            "publié par : {publisher}.",
        },
        "error.held_since": {"en": "{start} to today", "fr": "depuis le {start}"},
        "error.held_partial": {"en": " (partial)", "fr": " (partiel)"},
        "error.held_span": {"en": "{start} to {end}", "fr": "du {start} au {end}"},
        "error.no_timeline": {
            "en": "The kit holds no timeline for {given}. Operations with a timeline: {valid}.",
            "fr": "Le kit ne détient pas de chronologie pour {given}. Opérations avec une "
            "chronologie : {valid}.",
        },
        "error.no_contributions": {
            "en": "The kit holds no contribution figures for {given}. Operations with figures: "
            "{valid}.",
            "fr": "Le kit ne détient pas d'effectifs pour {given}. Opérations avec des effectifs : "
            "{valid}.",
        },
        "error.articles_only": {
            "en": "The kit holds {name} ({treaty_id}) for its articles only, not its membership: "
            "read them with cstokit.article({quoted}, ...). Treaties with members in the kit: "
            "{valid}.",
            "fr": "Le kit détient {name} ({treaty_id}) pour ses articles seulement, pas pour ses "
            "parties : lisez-les avec cstokit.article({quoted}, ...). Traités dont le kit connaît "
            "les parties : {valid}.",
        },
        "error.no_articles": {
            "en": "The kit holds no article text of {name} ({treaty_id}). Read it from its "
            "publisher: {publisher}. Treaties with texts in the kit: {valid}.",
            "fr": "Le kit ne détient aucun texte d'article de {name} ({treaty_id}). Lisez-le chez "
            "son éditeur : {publisher}. Traités dont le kit détient des textes : {valid}.",
        },
    }
)
APP_STRINGS.update(
    {
        # -- exported pages (cstokit export) ------------------------------------------------
        "export.title": {"en": "cstokit export", "fr": "export cstokit"},
        "export.h1": {
            "en": "cstokit: collective security treaties, offline",
            "fr": "cstokit : les traités de sécurité collective, hors ligne",
        },
        "export.intro": {
            "en": "These pages open in any browser from this folder (a USB stick is fine): no "
            "Python, no internet. Maps move with their slider or the Play button; hover a "
            "country or a mark for its source. Exported on {date} by cstokit {version}.",
            "fr": "Ces pages s'ouvrent dans n'importe quel navigateur depuis ce dossier (une clé "
            "USB suffit) : ni Python ni internet. Les cartes bougent avec leur curseur ou le "
            "bouton Lecture ; survolez un pays ou une marque pour voir sa source. Exporté le "
            "{date} par cstokit {version}.",
        },
        "export.about": {"en": "About this folder", "fr": "À propos de ce dossier"},
        "export.about_text": {
            "en": "Every page loads plotly.js (MIT licence): {geo} ({geo_size}, the geo bundle, "
            "enough for every figure of the kit) or, for a notebook figure of another kind, "
            "{full} ({full_size}, the full bundle); and, for maps, {outline} ({outline_size}, "
            "country outlines from Natural Earth 5.1.1, public domain). Keep the folder together. "
            "Total size {total}. Data: CC BY 4.0, see each page's sources. The teacher dashboard "
            "needs Python: make present.",
            "fr": "Chaque page charge plotly.js (licence MIT) : {geo} ({geo_size}, le paquet "
            "géographique, suffisant pour toutes les figures du kit) ou, pour une figure de "
            "notebook d'un autre type, {full} ({full_size}, le paquet complet) ; et, pour les "
            "cartes, {outline} ({outline_size}, contours des pays de Natural Earth 5.1.1, domaine "
            "public). Gardez le dossier entier. Taille totale {total}. Données : CC BY 4.0, voir "
            "les sources de chaque page. Le tableau de bord de l'enseignant demande Python : "
            "cstokit present --language fr.",
        },
        "export.back": {"en": "All pages of this export", "fr": "Toutes les pages de cet export"},
        "export.table": {"en": "Numbers as a table", "fr": "Les chiffres en tableau"},
        "export.sources": {"en": "Sources", "fr": "Sources"},
        "export.section.animations": {
            "en": "Members through the years (slider and Play button)",
            "fr": "Les parties au fil des ans (curseur et bouton Lecture)",
        },
        "export.section.maps": {"en": "Members on key dates", "fr": "Les parties à des dates clés"},
        "export.section.operations": {"en": "Operations", "fr": "Opérations"},
        "export.section.invocations": {"en": "Invocations", "fr": "Invocations"},
        "export.section.slideshow": {"en": "Slideshow", "fr": "Diaporama"},
        "export.section.texts": {"en": "Texts", "fr": "Textes"},
        "export.section.course": {"en": "Course notebooks", "fr": "Les leçons (notebooks)"},
        "export.section.teacher": {
            "en": "Teacher notebooks (guide and answer keys)",
            "fr": "Notebooks de l'enseignant (guide et corrigés)",
        },
        "export.members_years": {
            "en": "{name}: members {start}–{end}",
            "fr": "{name} : les parties, {start}–{end}",
        },
        "export.members_through": {
            "en": "{name}: members through the years",
            "fr": "{name} : les parties au fil des ans",
        },
        "export.map_on": {
            "en": "{name} ({tid}), {date}: {label}",
            "fr": "{name} ({tid}), {date} : {label}",
        },
        "export.map_title": {"en": "{name}: members on {date}", "fr": "{name} : parties au {date}"},
        "export.date.signature": {"en": "signature", "fr": "signature"},
        "export.date.in_force": {"en": "entry into force", "fr": "entrée en vigueur"},
        "export.date.begins": {"en": "{name} begins", "fr": "début : {name}"},
        "export.date.eve": {"en": "eve of its end", "fr": "veille de sa fin"},
        "export.date.today": {"en": "today", "fr": "aujourd'hui"},
        "export.op.deployment": {
            "en": "who sent troops, and where",
            "fr": "qui a envoyé des troupes, et où",
        },
        "export.op.contributions": {
            "en": "personnel by country, every source",
            "fr": "effectifs par pays, selon chaque source",
        },
        "export.op.timeline": {"en": "timeline", "fr": "chronologie"},
        "export.op_page": {"en": "{name}: {label}", "fr": "{name} : {label}"},
        "export.invocations": {
            "en": "When collective-defence clauses were invoked",
            "fr": "Quand les clauses de défense collective ont été invoquées",
        },
        "export.invocations_title": {
            "en": "Invocations of collective-defence clauses",
            "fr": "Invocations des clauses de défense collective",
        },
        "export.slideshow": {
            "en": "Teacher mode: the course in scenes (→ ← to move, I for the index, B to blank)",
            "fr": "Mode enseignant : le cours en scènes (→ ← pour avancer, I pour l'index, B pour "
            "un écran noir)",
        },
        "export.slideshow_title": {
            "en": "cstokit: teacher mode, the course in scenes",
            "fr": "cstokit : mode enseignant, le cours en scènes",
        },
        "export.articles": {
            "en": "Every article text, with its source and version",
            "fr": "Tous les textes d'articles, avec leur source et leur version",
        },
        "export.articles_title": {
            "en": "Treaty articles: texts, sources and versions",
            "fr": "Articles des traités : textes, sources et versions",
        },
        "export.articles_h1": {
            "en": "Treaty articles: the texts the kit holds",
            "fr": "Articles des traités : les textes que détient le kit",
        },
        "export.articles_intro": {
            "en": "Each text is quoted from the source named under it; version says which text it "
            "is (original, amended, or a translation), and each wording gives the instrument that "
            "set it and the days it applied.",
            "fr": "Chaque texte est cité d'après la source indiquée sous lui ; version dit de quel "
            "texte il s'agit (original, modifié ou traduction), et chaque rédaction donne "
            "l'instrument qui l'a fixée et les jours où elle s'est appliquée.",
        },
        "export.articles_status": {
            "en": "Set by the {instrument}; applied from {start}{end}.",
            "fr": "Fixée par {instrument} ; applicable à partir du {start}{end}.",
        },
        "export.articles_to": {"en": " to {end}", "fr": " jusqu'au {end}"},
        "export.articles_in_force": {"en": " (in force)", "fr": " (en vigueur)"},
        "export.articles_heading": {
            "en": "Article {article}",
            "fr": "Article {article}",
        },
        "export.articles_version": {"en": "version", "fr": "version"},
        "export.articles_none": {
            "en": "The kit holds no article text of this treaty.",
            "fr": "Le kit ne détient aucun texte d'article de ce traité.",
        },
        "export.articles_described": {
            "en": "Articles the kit describes but holds no text of (from data/provisions.csv):",
            "fr": "Articles que le kit décrit sans en détenir le texte (d'après "
            "data/provisions.csv) :",
        },
        "export.obligation.defense": {"en": "defence", "fr": "défense"},
        "export.obligation.consultation": {"en": "consultation", "fr": "consultation"},
        "export.obligation.non-aggression": {"en": "non-aggression", "fr": "non-agression"},
        "export.obligation.neutrality": {"en": "neutrality", "fr": "neutralité"},
        "export.obligation.offense": {"en": "offence", "fr": "offensive"},
        "export.executed": {"en": "executed fresh", "fr": "exécuté à neuf"},
        "export.nb_executed": {
            "en": "{path}, executed on {date} by cstokit export",
            "fr": "{path}, exécuté le {date} par cstokit export",
        },
        "export.nb_skipped": {
            "en": "Notebooks were not exported (--no-notebooks).",
            "fr": "Les notebooks n'ont pas été exportés (--no-notebooks).",
        },
        "export.nb_missing": {
            "en": "No notebooks folder at {path}.",
            "fr": "Pas de dossier de notebooks à {path}.",
        },
        "export.nb_note": {
            "en": "Notebooks were executed fresh in a temporary copy; the dashboard "
            "(notebooks/teacher/dashboard.ipynb) needs Python and is not exported.",
            "fr": "Les notebooks ont été exécutés à neuf dans une copie temporaire ; le tableau "
            "de bord (notebooks/fr/enseignant/tableau_de_bord.ipynb) demande Python et n'est pas "
            "exporté.",
        },
    }
)
APP_STRINGS.update(
    {
        "dashboard.failed": {
            "en": "The dashboard could not start: {reason}. Run `.venv/bin/cstokit doctor` on "
            "this computer for a fix.",
            "fr": "Le tableau de bord n'a pas pu démarrer : {reason}. Lancez "
            "`.venv/bin/cstokit doctor` sur cet ordinateur pour savoir comment y remédier.",
        },
    }
)
APP_STRINGS.update(
    {
        # -- worksheets (cstokit worksheets) ------------------------------------------------
        "worksheets.note": {"en": "worksheet: {path}", "fr": "fiche de travail : {path}"},
        "worksheets.unknown": {
            "en": "No lesson named {given}; lessons: {valid}.",
            "fr": "Aucune leçon ne s'appelle {given} ; leçons : {valid}.",
        },
    }
)
APP_STRINGS.update(
    {
        # -- cstokit present, in the terminal -----------------------------------------------
        "present.no_address": {
            "en": "this computer has no network address (no Wi-Fi or cable connected?), so "
            "students' devices cannot reach it; serving on 127.0.0.1 instead.",
            "fr": "cet ordinateur n'a pas d'adresse réseau (ni Wi-Fi ni câble ?) : les appareils "
            "des élèves ne peuvent pas l'atteindre ; service sur 127.0.0.1 à la place.",
        },
        "present.cap": {
            "en": "--cap must be at least 1 (got {cap}).",
            "fr": "--cap doit valoir au moins 1 (reçu : {cap}).",
        },
        "present.port": {
            "en": "port {port} is in use on {host}; using port {chosen} instead.",
            "fr": "le port {port} est occupé sur {host} ; port {chosen} utilisé à la place.",
        },
        "present.starting": {
            "en": "starting teacher mode (Voila, {pool} warm kernel(s)) from {dashboard} …",
            "fr": "démarrage du mode enseignant (Voilà, {pool} noyau(x) prêt(s)) depuis "
            "{dashboard} …",
        },
        "present.exit_status": {"en": " (exit status {code})", "fr": " (code de sortie {code})"},
        "present.failed": {
            "en": "the server did not start{status}; see the messages above. "
            "`.venv/bin/cstokit doctor` checks the set-up.",
            "fr": "le serveur n'a pas démarré{status} ; voir les messages ci-dessus. "
            "`.venv/bin/cstokit doctor` vérifie l'installation.",
        },
        "present.students": {
            "en": "students open {address} (or scan the code above); up to {cap} devices at once, "
            "each with its own copy. Scene 0 shows the code to the class.",
            "fr": "les élèves ouvrent {address} (ou scannent le code ci-dessus) ; jusqu'à {cap} "
            "appareils à la fois, chacun avec sa copie. La scène 0 montre le code à la classe.",
        },
        "present.ready": {
            "en": "open {address} in a browser (ready after {seconds} s). Keys: → ← scenes, "
            "I index, B blank, F full screen. Press Ctrl+C here to stop.",
            "fr": "ouvrez {address} dans un navigateur (prêt après {seconds} s). Touches : → ← "
            "scènes, I index, B écran noir, F plein écran. Ctrl+C ici pour arrêter.",
        },
        "present.stopping": {"en": "stopping.", "fr": "arrêt."},
    }
)
APP_STRINGS.update(
    {
        # -- cstokit export, in the terminal ------------------------------------------------
        "export.folder.data": {"en": "the kit's data/ folder", "fr": "le dossier data/ du kit"},
        "export.folder.notebooks": {"en": "the notebooks/ folder", "fr": "le dossier notebooks/"},
        "export.refused.inside": {
            "en": "refused to write into {out}: it is inside {why} ({forbidden}), which the kit "
            "never writes to. Choose another folder, e.g. --out export.",
            "fr": "écriture refusée dans {out} : ce dossier est dans {why} ({forbidden}), où le "
            "kit n'écrit jamais. Choisissez un autre dossier, par exemple --out export-fr.",
        },
        "export.refused.not_folder": {
            "en": "{out} exists and is not a folder; choose another --out.",
            "fr": "{out} existe et n'est pas un dossier ; choisissez un autre --out.",
        },
        "export.and_more": {"en": " and {n} more", "fr": " et {n} autre(s)"},
        "export.refused.foreign": {
            "en": "refused: {out} already holds {n} file(s) that cstokit export did not write "
            "({files}). Nothing was written. Choose an empty or new folder; or add --overwrite "
            "to write beside them (they are never replaced or deleted).",
            "fr": "refusé : {out} contient déjà {n} fichier(s) que cstokit export n'a pas écrit(s) "
            "({files}). Rien n'a été écrit. Choisissez un dossier vide ou nouveau ; ou ajoutez "
            "--overwrite pour écrire à côté (ils ne sont jamais remplacés ni supprimés).",
        },
        "export.refused.earlier": {
            "en": "refused: {out} holds an earlier export ({n} files named in {manifest}). "
            "Nothing was written. Add --overwrite to replace that export.",
            "fr": "refusé : {out} contient un export précédent ({n} fichiers nommés dans "
            "{manifest}). Rien n'a été écrit. Ajoutez --overwrite pour remplacer cet export.",
        },
        "export.refused.clash": {
            "en": "refused even with --overwrite: {files} in {out} would be replaced, but cstokit "
            "export did not write them (they are not in its manifest). Nothing was written or "
            "deleted. Move them away or choose another folder.",
            "fr": "refusé même avec --overwrite : {files} dans {out} seraient remplacés, mais "
            "cstokit export ne les a pas écrits (ils ne figurent pas dans son manifeste). Rien "
            "n'a été écrit ni supprimé. Déplacez-les ou choisissez un autre dossier.",
        },
        "export.say.executing": {
            "en": "{rel}: executing notebooks/{title} …",
            "fr": "{rel} : exécution de notebooks/{title} …",
        },
        "export.say.writing": {
            "en": "writing {n} files into {out}",
            "fr": "écriture de {n} fichiers dans {out}",
        },
        "export.say.skipped": {"en": "{label}: skipped ({why})", "fr": "{label} : ignoré ({why})"},
        "export.say.failed": {"en": "{label}: FAILED ({why})", "fr": "{label} : ÉCHEC ({why})"},
        "export.say.neutralised": {
            "en": "{label}: removed {n} network load(s), e.g. {first}",
            "fr": "{label} : {n} chargement(s) réseau retiré(s), p. ex. {first}",
        },
        "export.say.cell_errors": {
            "en": "; cells {cells} raised errors (shown on the page)",
            "fr": " ; les cellules {cells} ont levé des erreurs (affichées sur la page)",
        },
        "export.say.done": {
            "en": "done in {seconds} s: {n} files, {size} in {out}; open {index}",
            "fr": "terminé en {seconds} s : {n} fichiers, {size} dans {out} ; ouvrez {index}",
        },
        "export.say.removed": {
            "en": "removed {n} file(s) of the earlier export: {files}",
            "fr": "{n} fichier(s) de l'export précédent supprimé(s) : {files}",
        },
        "export.say.kept": {
            "en": "left alone {n} file(s) it did not write: {files}",
            "fr": "{n} fichier(s) qu'il n'a pas écrit(s) laissé(s) intact(s) : {files}",
        },
        "export.say.failed_pages": {
            "en": "{n} page(s) FAILED: {pages}",
            "fr": "{n} page(s) en ÉCHEC : {pages}",
        },
        "export.say.missing": {
            "en": "the pages listed above are missing from the export.",
            "fr": "les pages listées ci-dessus manquent dans l'export.",
        },
    }
)
