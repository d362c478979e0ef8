"""The strings of teacher mode's scenes (the deck `cstokit present` shows and the export's
slideshow), kept apart from the figures' strings like the exercises' are.
"""

from __future__ import annotations

SCENE_STRINGS: dict[str, dict[str, str]] = {
    # -- the lessons the scenes follow (the course's notebooks) ------------------------------
    "scene.lesson.01": {
        "en": "01 · Kazakhstan, January 2022",
        "fr": "01 · Kazakhstan, janvier 2022",
    },
    "scene.lesson.01b": {"en": "01b · Reading the press", "fr": "01b · Lire la presse"},
    "scene.lesson.02": {"en": "02 · Reading the treaties", "fr": "02 · Lire les traités"},
    "scene.lesson.03": {"en": "03 · Members through time", "fr": "03 · Les membres dans le temps"},
    "scene.lesson.04": {"en": "04 · Invoking the clauses", "fr": "04 · Invoquer les clauses"},
    "scene.lesson.join": {"en": "Join the class", "fr": "Rejoindre la classe"},
    # -- scene titles ------------------------------------------------------------------------
    "scene.title.join": {
        "en": "Open the dashboard on your own device",
        "fr": "Ouvrez le tableau de bord sur votre appareil",
    },
    "scene.title.timeline": {
        "en": "The crisis by phase, 1–19 January 2022",
        "fr": "La crise phase par phase, du 1er au 19 janvier 2022",
    },
    "scene.title.parties": {
        "en": "Who was a party on the date",
        "fr": "Qui était partie à la date",
    },
    "scene.title.article": {
        "en": "Article 4: the wording in force beside the 1992 wording",
        "fr": "Article 4 : la rédaction en vigueur à côté de celle de 1992",
    },
    "scene.title.contributions": {
        "en": "Who sent how many troops: every source's figure",
        "fr": "Qui a envoyé combien de soldats : le chiffre de chaque source",
    },
    "scene.title.deployment": {
        "en": "Where the force went and what it guarded",
        "fr": "Où la force s'est déployée et ce qu'elle a gardé",
    },
    "scene.title.factcheck": {
        "en": "Fact-checking the article, claim by claim",
        "fr": "Vérifier l'article, affirmation par affirmation",
    },
    "scene.title.grid": {
        "en": "The comparison grid: what each clause obliges",
        "fr": "La grille de comparaison : ce à quoi oblige chaque clause",
    },
    "scene.title.membership": {
        "en": "NATO and the Warsaw Pact, members through the years",
        "fr": "L'OTAN et le Pacte de Varsovie : les membres au fil des ans",
    },
    "scene.title.cases": {
        "en": "When the clauses were invoked, and what followed",
        "fr": "Quand les clauses ont été invoquées, et ce qui a suivi",
    },
    # -- the deck's chrome -------------------------------------------------------------------
    "scene.counter": {"en": "{n} / {total}", "fr": "{n} / {total}"},
    "scene.keys": {
        "en": "← → or Page Up/Down: scenes · I: index · B: blank · F: full screen · "
        "1–9 then Enter: go to a scene",
        # Short enough to share one line with the sources at 1280×720 (tests/test_french.py).
        "fr": "← → ou Pg préc./suiv. : scènes · I : index · B : noir · F : plein écran · "
        "1–9 + Entrée : scène",
    },
    "scene.index": {"en": "Scenes", "fr": "Scènes"},
    "scene.index_hint": {
        "en": "Press a scene's number then Enter, or click it. I or Escape closes.",
        "fr": "Tapez le numéro d'une scène puis Entrée, ou cliquez dessus. I ou Échap pour fermer.",
    },
    "scene.draw": {"en": "Draw this scene", "fr": "Afficher cette scène"},
    "scene.drawing": {"en": "Drawing…", "fr": "Affichage en cours…"},
    "scene.missing": {
        "en": "This scene cannot be shown: {reason} The other scenes still work.",
        "fr": "Cette scène ne peut pas être affichée : {reason} Les autres scènes fonctionnent "
        "toujours.",
    },
    "scene.evidence_hint": {
        "en": "Click a cell for the words that decide it.",
        "fr": "Cliquez sur une case pour lire les mots décisifs.",
    },
    # -- scene contents ----------------------------------------------------------------------
    "scene.timeline.step": {
        "en": "Phase {n} of {total}: {phase}",
        "fr": "Phase {n} sur {total} : {phase}",
    },
    "scene.timeline.more": {
        "en": 'Every dated record, with each source\'s version: cstokit.timeline("{op}", '
        "records=True) in notebook 01.",
        "fr": "Chaque événement daté, dans la version de chaque source : "
        'cstokit.timeline("{op}", records=True) dans le notebook 01.',
    },
    "scene.parties.treaty": {"en": "Treaty", "fr": "Traité"},
    "scene.parties.date": {"en": "Date", "fr": "Date"},
    "scene.article.in_force": {"en": "In force on {date}", "fr": "En vigueur le {date}"},
    "scene.article.language": {"en": "Language", "fr": "Langue"},
    "scene.article.partial": {
        "en": "The kit's copy stops here: the rest of this wording is not held, so this scene "
        "cannot show what it says after these words.",
        "fr": "La copie du kit s'arrête ici : le kit ne détient pas la suite de cette rédaction, "
        "et cette scène ne peut donc pas montrer ce qui suit ces mots.",
    },
    "scene.article.translation-csto": {
        "en": "English: the CSTO's own translation. The authentic text is Russian.",
        "fr": "Anglais : traduction établie par l'OTSC. Le texte authentique est en russe.",
    },
    "scene.article.kit-translation-of-original": {
        "en": "English: the kit's translation of the Russian original (the authentic text).",
        "fr": "Anglais : traduction par le kit de l'original russe (le texte authentique).",
    },
    "scene.article.original": {"en": "As signed in 1992", "fr": "Tel que signé en 1992"},
    "scene.article.authentic": {
        "en": "Russian: the authentic text.",
        "fr": "Russe : le texte authentique.",
    },
    "scene.article.two_translators": {
        "en": "Both columns are in English, by different translators (the CSTO's and the "
        "kit's): some differences are the translators', not the treaty's.",
        "fr": "Les deux colonnes sont en anglais, dans deux traductions différentes (celle de "
        "l'OTSC et celle du kit) : certaines différences tiennent aux traducteurs, et non au "
        "traité.",
    },
    "scene.article.none": {
        "en": "The kit holds no {wanted} text of this wording; shown in {shown}.",
        "fr": "Le kit ne détient pas cette rédaction en {wanted} ; elle est affichée en {shown}.",
    },
    "scene.factcheck.claim": {"en": "Claim {n} of {total}", "fr": "Affirmation {n} sur {total}"},
    "scene.factcheck.verdict": {
        "en": "The kit's verdict, on what was known by {date}: {verdict}",
        "fr": "Le verdict du kit, d'après ce que l'on savait au {date} : {verdict}",
    },
    "scene.factcheck.kind.fact": {"en": "a fact", "fr": "un fait"},
    "scene.factcheck.kind.figure": {"en": "a figure", "fr": "un chiffre"},
    "scene.factcheck.kind.framing": {"en": "framing", "fr": "un cadrage"},
    "scene.factcheck.kind.image": {"en": "an image", "fr": "une image"},
    "scene.factcheck.later": {"en": "Learned later", "fr": "Appris plus tard"},
    "scene.factcheck.from": {
        "en": "Quoted from {site}, {date}; the English above is the kit's rendering.",
        "fr": "Cité d'après {site}, {date}.",
    },
    "scene.grid.treaty": {"en": "Treaty", "fr": "Traité"},
    "scene.grid.reading": {
        "en": "The kit's reading of each clause, from the wording it holds: check it against "
        "the words.",
        "fr": "La lecture que fait le kit de chaque clause, d'après la rédaction qu'il détient : "
        "vérifiez-la sur le texte.",
    },
    "scene.grid.extension": {"en": "extension", "fr": "approfondissement"},
    "scene.join.scan": {
        "en": "Scan the code, or type the address. Each device gets its own copy of the "
        "dashboard; up to {cap} at once.",
        "fr": "Scannez le code ou tapez l'adresse. Chaque appareil reçoit sa propre copie du "
        "tableau de bord ; {cap} au plus en même temps.",
    },
    "scene.join.local": {
        "en": "This dashboard is served on this computer only. To let students open it on "
        "their own devices, start it with `cstokit present --lan`.",
        "fr": "Ce tableau de bord n'est accessible que depuis cet ordinateur. Pour que les élèves "
        "l'ouvrent sur leurs propres appareils, lancez `cstokit present --lan`.",
    },
}
